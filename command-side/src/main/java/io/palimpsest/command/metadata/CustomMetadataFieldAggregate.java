package io.palimpsest.command.metadata;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.commands.CreateCustomMetadataField;
import io.palimpsest.shared.metadata.commands.DeleteCustomMetadataField;
import io.palimpsest.shared.metadata.commands.UpdateCustomMetadataField;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One custom metadata field definition. It guards the definition's own rules (see
 * {@link FieldDefinitionRules}), keeps name and type fixed, and stays (deleted) once deleted, since
 * its name may never be reused and listings can still show it. Uniqueness of names and labels spans
 * every field, so {@link CustomMetadataFieldRegistry} enforces it in the same transaction.
 */
@Aggregate
class CustomMetadataFieldAggregate {

    @AggregateIdentifier
    private CustomMetadataFieldId fieldId;
    private FieldName name;
    private String label;
    private FieldSchema schema;
    private String description;
    private boolean deleted;

    CustomMetadataFieldAggregate() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    CustomMetadataFieldAggregate(CreateCustomMetadataField command) {
        requireSound(command.label(), command.schema(), command.description());
        apply(new CustomMetadataFieldCreated(command.fieldId(), command.name(), command.label(), command.schema(),
                emptyToNull(command.description()), command.createdAt()));
    }

    /** Returns the resulting definition; an edit that changes nothing records nothing. */
    @CommandHandler
    FieldDefinition handle(UpdateCustomMetadataField command) {
        if (deleted) {
            throw new DeletedFieldNotUpdatable(fieldId);
        }
        String newLabel = command.label() != null ? command.label() : label;
        FieldSchema newSchema = command.constraints() != null
                ? schema.withConstraints(command.constraints().applyTo(schema.constraints()))
                : schema;
        String newDescription = command.description() != null ? emptyToNull(command.description().value()) : description;
        requireSound(newLabel, newSchema, newDescription);
        if (newLabel.equals(label) && newSchema.equals(schema) && Objects.equals(newDescription, description)) {
            return definition();
        }
        apply(new CustomMetadataFieldUpdated(fieldId, name, newLabel, newSchema, newDescription, command.updatedAt()));
        return definition();
    }

    @CommandHandler
    void handle(DeleteCustomMetadataField command) {
        if (deleted) {
            throw new NoSuchField(fieldId.value());
        }
        apply(new CustomMetadataFieldDeleted(fieldId, name, command.deletedAt()));
    }

    private static void requireSound(String label, FieldSchema schema, String description) {
        Map<String, String> problems = FieldDefinitionRules.problemsWith(label, schema, description);
        if (!problems.isEmpty()) {
            throw new InvalidFieldDefinition(problems);
        }
    }

    private FieldDefinition definition() {
        return new FieldDefinition(fieldId, name, label, schema, description);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @EventSourcingHandler
    void on(CustomMetadataFieldCreated event) {
        fieldId = event.fieldId();
        name = event.name();
        label = event.label();
        schema = event.schema();
        description = event.description();
    }

    @EventSourcingHandler
    void on(CustomMetadataFieldUpdated event) {
        label = event.label();
        schema = event.schema();
        description = event.description();
    }

    @EventSourcingHandler
    void on(CustomMetadataFieldDeleted event) {
        deleted = true;
    }
}
