package io.palimpsest.shared.metadata.events;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A custom metadata field was deleted; its name stays taken, its label becomes free. */
@Revision("1")
public record CustomMetadataFieldDeleted(CustomMetadataFieldId fieldId, FieldName name, Instant deletedAt)
        implements CustomMetadataFieldEvent {
}
