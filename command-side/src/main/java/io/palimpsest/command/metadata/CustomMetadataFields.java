package io.palimpsest.command.metadata;

import io.palimpsest.command.metadata.FieldJson.FieldChange;
import io.palimpsest.command.metadata.FieldJson.NewField;
import io.palimpsest.command.files.IdGenerator;
import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.commands.CreateCustomMetadataField;
import io.palimpsest.shared.metadata.commands.DeleteCustomMetadataField;
import io.palimpsest.shared.metadata.commands.UpdateCustomMetadataField;
import java.time.Clock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

/**
 * Creates, edits and deletes custom metadata fields: ids and times made here, at the edge; the rules
 * in the aggregate and the registry. Blocking: call it off the event loop.
 */
@Service
class CustomMetadataFields {

    /** Edits of one field from two nodes at once: the loser's append conflicts, and it tries again. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final CustomMetadataFieldRegistry registry;
    private final IdGenerator ids;
    private final Clock clock;

    CustomMetadataFields(CommandGateway commands, CustomMetadataFieldRegistry registry, IdGenerator ids,
                         Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
    }

    FieldDefinition create(NewField field) {
        CustomMetadataFieldId fieldId = new CustomMetadataFieldId(ids.newId());
        commands.sendAndWait(new CreateCustomMetadataField(fieldId, field.name(), field.label(), field.schema(),
                field.description(), clock.instant()));
        return new FieldDefinition(fieldId, field.name(), field.label(), field.schema(), field.description());
    }

    FieldDefinition update(String fieldId, FieldChange change) {
        CustomMetadataFieldId id = existing(fieldId);
        return retryingConflicts(() -> commands.sendAndWait(new UpdateCustomMetadataField(id, change.label(),
                change.constraints(), change.description(), clock.instant())));
    }

    void delete(String fieldId) {
        CustomMetadataFieldId id = existing(fieldId);
        retryingConflicts(() -> commands.sendAndWait(new DeleteCustomMetadataField(id, clock.instant())));
    }

    /**
     * The registry knows every field ever created (in the same transaction as its creation), so an id it
     * does not hold is no field, even if some other aggregate has that id.
     */
    private CustomMetadataFieldId existing(String fieldId) {
        CustomMetadataFieldId id = new CustomMetadataFieldId(fieldId);
        if (!registry.exists(id)) {
            throw new NoSuchField(fieldId);
        }
        return id;
    }

    private static <T> T retryingConflicts(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (causedBy(e, AggregateNotFoundException.class)) {
                    throw new NoSuchField(String.valueOf(((AggregateNotFoundException) cause(e,
                            AggregateNotFoundException.class)).getAggregateIdentifier()));
                }
                if (!causedBy(e, ConcurrencyException.class) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> kind) {
        return cause(error, kind) != null;
    }

    private static Throwable cause(Throwable error, Class<? extends Throwable> kind) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
