package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Edit the current version's details; never creates a version. Null fields are left alone.
 * {@code customMetadata} merges into the existing map, a null value unsetting its key;
 * {@code removeAITags} removes AI tags by name, and {@code removeAllAITags} all of them.
 */
public record UpdateFileDetails(
        @TargetAggregateIdentifier FileId fileId,
        FieldUpdate<List<String>> tags,
        FieldUpdate<String> customCoordinates,
        Map<String, Object> customMetadata,
        FieldUpdate<String> description,
        List<String> removeAITags,
        boolean removeAllAITags,
        Instant updatedAt) {
}
