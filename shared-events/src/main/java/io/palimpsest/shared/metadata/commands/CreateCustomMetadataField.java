package io.palimpsest.shared.metadata.commands;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Define a custom metadata field. {@code description} is optional (null when none); whether name and
 * label are free is decided where every field is known, in the same transaction as the event.
 */
public record CreateCustomMetadataField(
        @TargetAggregateIdentifier CustomMetadataFieldId fieldId,
        FieldName name,
        String label,
        FieldSchema schema,
        String description,
        Instant createdAt) {

    public CreateCustomMetadataField {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
