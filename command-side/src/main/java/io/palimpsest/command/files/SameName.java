package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;

/** A rename to the name the file already has. */
public class SameName extends FileRuleViolation {

    public SameName(FileId fileId) {
        super("file " + fileId + " already has that name");
    }
}
