package io.palimpsest.shared.metadata.commands;

import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.metadata.ConstraintsChange;
import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Edit a field's label, rules or description; its name and type never change. A null {@code label}
 * keeps the label, a null {@code constraints} the rules, a null {@code description} the description
 * (a {@link FieldUpdate} holding null or an empty string clears it).
 */
public record UpdateCustomMetadataField(
        @TargetAggregateIdentifier CustomMetadataFieldId fieldId,
        String label,
        ConstraintsChange constraints,
        FieldUpdate<String> description,
        Instant updatedAt) {

    public UpdateCustomMetadataField {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
