package io.palimpsest.command.files;

import io.palimpsest.shared.files.FileId;

/** A file's tags may hold at most 500 characters together; adding tags would have made them longer. */
public class TagLimitExceeded extends FileRuleViolation {

    /** Combined length of all tags of one version, as ImageKit limits it. */
    public static final int LIMIT = FileAggregate.MAX_TAGS_LENGTH;

    public TagLimitExceeded(FileId fileId, int combinedLength) {
        super("file " + fileId + " would have tags of " + combinedLength + " characters; at most "
                + FileAggregate.MAX_TAGS_LENGTH + " are allowed");
    }
}
