package io.palimpsest.shared.metadata.events;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;

/** Every event of a custom metadata field's lifecycle names its field; read models fold them per field. */
public interface CustomMetadataFieldEvent {

    CustomMetadataFieldId fieldId();
}
