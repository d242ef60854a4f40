package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;

/** Only non-current versions can be deleted; the current one goes only with its file. */
public class CurrentVersionNotDeletable extends FileRuleViolation {

    public CurrentVersionNotDeletable(FileId fileId, VersionId versionId) {
        super("version " + versionId + " is the current version of file " + fileId);
    }
}
