package io.palimpsest.shared.metadata.events;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A custom metadata field was defined; {@code description} is null when it has none. */
@Revision("1")
public record CustomMetadataFieldCreated(
        CustomMetadataFieldId fieldId,
        FieldName name,
        String label,
        FieldSchema schema,
        String description,
        Instant createdAt) implements CustomMetadataFieldEvent {
}
