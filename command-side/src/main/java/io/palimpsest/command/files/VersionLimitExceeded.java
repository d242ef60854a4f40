package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;

/** A file holds at most 100 versions; the command would have given it more. */
public class VersionLimitExceeded extends FileRuleViolation {

    /** How many versions one file may hold, current one included. */
    public static final int LIMIT = FileAggregate.MAX_VERSIONS;

    public VersionLimitExceeded(FileId fileId, int versions, int adding) {
        super("file " + fileId + " has " + versions + " versions; adding " + adding + " would exceed " + FileAggregate.MAX_VERSIONS);
    }
}
