package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;

/** The version named by a command is not (or no longer) in the file's history. */
public class NoSuchVersion extends FileRuleViolation {

    public NoSuchVersion(FileId fileId, VersionId versionId) {
        super("file " + fileId + " has no version " + versionId);
    }
}
