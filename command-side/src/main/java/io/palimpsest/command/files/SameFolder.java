package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;

/** A move into the folder the file is already in. */
public class SameFolder extends FileRuleViolation {

    public SameFolder(FileId fileId) {
        super("file " + fileId + " is already in that folder");
    }
}
