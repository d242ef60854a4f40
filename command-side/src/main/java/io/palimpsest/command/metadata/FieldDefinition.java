package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;

/** A field's definition after a command: what the write API answers with. */
public record FieldDefinition(CustomMetadataFieldId fieldId, FieldName name, String label, FieldSchema schema,
                              String description) {
}
