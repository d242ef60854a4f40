package io.palimpsest.shared.metadata.events;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A custom metadata field's label, rules or description changed; carries the resulting definition
 * (name and type unchanged), so a read model needs nothing else to show it.
 */
@Revision("1")
public record CustomMetadataFieldUpdated(
        CustomMetadataFieldId fieldId,
        FieldName name,
        String label,
        FieldSchema schema,
        String description,
        Instant updatedAt) implements CustomMetadataFieldEvent {
}
