package io.palimpsest.shared.metadata.commands;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a field: assets may no longer be given values for it, and its name is never used again. */
public record DeleteCustomMetadataField(@TargetAggregateIdentifier CustomMetadataFieldId fieldId, Instant deletedAt) {

    public DeleteCustomMetadataField {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }
}
