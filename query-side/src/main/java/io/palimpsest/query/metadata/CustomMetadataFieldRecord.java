package io.palimpsest.query.metadata;

import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldEvent;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom metadata field as the list shows it, built only from events: {@code schema} is already in
 * ImageKit's shape. {@code sequence} is the aggregate sequence of the last event folded in, so older
 * or repeated events change nothing and replays are harmless. A deleted field stays, marked, because
 * {@code includeDeleted=true} still lists it.
 */
public record CustomMetadataFieldRecord(
        String fieldId,
        String name,
        String label,
        Map<String, Object> schema,
        String description,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        long sequence) {

    public static CustomMetadataFieldRecord empty(String fieldId) {
        return new CustomMetadataFieldRecord(fieldId, null, null, Map.of(), null, false, null, null, -1);
    }

    /** The record with {@code event} folded in; this same record when the event is not newer. */
    public CustomMetadataFieldRecord apply(CustomMetadataFieldEvent event, long eventSequence) {
        if (eventSequence <= sequence) {
            return this;
        }
        if (event instanceof CustomMetadataFieldCreated e) {
            return new CustomMetadataFieldRecord(fieldId, e.name().value(), e.label(), render(e.schema()),
                    e.description(), false, e.createdAt(), e.createdAt(), eventSequence);
        }
        if (event instanceof CustomMetadataFieldUpdated e) {
            return new CustomMetadataFieldRecord(fieldId, e.name().value(), e.label(), render(e.schema()),
                    e.description(), deleted, createdAt, e.updatedAt(), eventSequence);
        }
        if (event instanceof CustomMetadataFieldDeleted e) {
            return new CustomMetadataFieldRecord(fieldId, e.name().value(), label, schema, description, true,
                    createdAt, e.deletedAt(), eventSequence);
        }
        return new CustomMetadataFieldRecord(fieldId, name, label, schema, description, deleted, createdAt,
                updatedAt, eventSequence);
    }

    /** Whether any event has been folded in yet (a record may be asked for before its creation arrives). */
    public boolean exists() {
        return name != null;
    }

    /** ImageKit's field object: {@code id, name, label, schema, description?}. */
    public Map<String, Object> toFieldObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", fieldId);
        object.put("name", name);
        object.put("label", label);
        object.put("schema", schema);
        if (description != null) {
            object.put("description", description);
        }
        return object;
    }

    /** Only the rules that are set, as ImageKit's examples show them. */
    static Map<String, Object> render(FieldSchema schema) {
        FieldConstraints rules = schema.constraints();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", schema.type().wireName());
        if (rules.hasSelectOptions()) {
            object.put("selectOptions", rules.selectOptions());
        }
        putIfSet(object, "defaultValue", rules.defaultValue());
        if (rules.valueRequired()) {
            object.put("isValueRequired", true);
        }
        putIfSet(object, "minValue", rules.minValue());
        putIfSet(object, "maxValue", rules.maxValue());
        putIfSet(object, "minLength", rules.minLength());
        putIfSet(object, "maxLength", rules.maxLength());
        return object;
    }

    private static void putIfSet(Map<String, Object> object, String property, Object value) {
        if (value != null) {
            object.put(property, value);
        }
    }
}
