package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove AI tags, by name, from the current version (bulk removeAITags). */
public record RemoveAITags(@TargetAggregateIdentifier FileId fileId, List<String> names, Instant updatedAt) {

    public RemoveAITags {
        names = List.copyOf(names);
    }
}
