package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove tags from the current version (bulk removeTags). */
public record RemoveTags(@TargetAggregateIdentifier FileId fileId, List<String> tags, Instant updatedAt) {

    public RemoveTags {
        tags = List.copyOf(tags);
    }
}
