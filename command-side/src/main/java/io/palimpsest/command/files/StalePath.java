package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;

/** The file is no longer at the path the command expected: it was renamed, moved or merged since it was looked up. */
public class StalePath extends FileRuleViolation {

    public StalePath(FileId fileId, FilePath expected) {
        super("file " + fileId + " is no longer at " + expected);
    }
}
