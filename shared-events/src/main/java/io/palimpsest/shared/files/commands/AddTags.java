package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add tags to the current version (bulk addTags). */
public record AddTags(@TargetAggregateIdentifier FileId fileId, List<String> tags, Instant updatedAt) {

    public AddTags {
        tags = List.copyOf(tags);
    }
}
