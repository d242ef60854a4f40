package io.palimpsest.command.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side's table of custom metadata fields ({@code custom_metadata_field}), kept in the same
 * transaction as the events that change it: a subscribing processor whose errors propagate (see
 * {@link #processing()}). Its unique indexes are ImageKit's naming rules, so a second field with a
 * taken name or label rolls back with its events, even when two requests race. Uploads validate
 * {@code customMetadata} against it, never against a read model.
 */
@Component
@ProcessingGroup(CustomMetadataFieldRegistry.PROCESSING_GROUP)
public class CustomMetadataFieldRegistry {

    public static final String PROCESSING_GROUP = "custom-metadata-field-registry";
    static final String NAME_INDEX = "custom_metadata_field_name_unique";
    static final String LABEL_INDEX = "custom_metadata_field_label_unique";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CustomMetadataFieldRegistry(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The registry runs inside the command's unit of work and transaction, and its failures must roll
     * the command back: Axon's default only logs listener errors and would commit a duplicate name.
     */
    public static ConfigurerModule processing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    /** A field as the registry knows it. */
    record RegisteredField(FieldName name, FieldSchema schema, boolean deleted) {
    }

    /** Every field ever defined, deleted ones included, by name. There are few, so all are read. */
    Map<String, RegisteredField> fieldsByName() {
        Map<String, RegisteredField> fields = new LinkedHashMap<>();
        jdbc.query("SELECT name, schema::text AS schema, deleted FROM custom_metadata_field ORDER BY name", row -> {
            String name = row.getString("name");
            fields.put(name, new RegisteredField(new FieldName(name), schema(row.getString("schema")),
                    row.getBoolean("deleted")));
        });
        return fields;
    }

    boolean exists(CustomMetadataFieldId fieldId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM custom_metadata_field WHERE field_id = ?",
                Integer.class, fieldId.value());
        return count != null && count > 0;
    }

    @EventHandler
    void on(CustomMetadataFieldCreated event) {
        try {
            jdbc.update("INSERT INTO custom_metadata_field (field_id, name, label, schema) VALUES (?, ?, ?, ?::jsonb)",
                    event.fieldId().value(), event.name().value(), event.label(), json(event.schema()));
        } catch (DuplicateKeyException e) {
            throw taken(e, event.name(), event.label());
        }
    }

    @EventHandler
    void on(CustomMetadataFieldUpdated event) {
        try {
            jdbc.update("UPDATE custom_metadata_field SET label = ?, schema = ?::jsonb WHERE field_id = ?",
                    event.label(), json(event.schema()), event.fieldId().value());
        } catch (DuplicateKeyException e) {
            throw taken(e, event.name(), event.label());
        }
    }

    @EventHandler
    void on(CustomMetadataFieldDeleted event) {
        jdbc.update("UPDATE custom_metadata_field SET deleted = TRUE WHERE field_id = ?", event.fieldId().value());
    }

    private static RuntimeException taken(DuplicateKeyException violation, FieldName name, String label) {
        String detail = String.valueOf(violation.getMessage());
        if (detail.contains(NAME_INDEX)) {
            return new FieldNameTaken(name);
        }
        if (detail.contains(LABEL_INDEX)) {
            return new FieldLabelTaken(label);
        }
        return violation;
    }

    private String json(FieldSchema schema) {
        try {
            return json.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise schema " + schema, e);
        }
    }

    private FieldSchema schema(String text) {
        try {
            return json.readValue(text, FieldSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read schema " + text, e);
        }
    }
}
