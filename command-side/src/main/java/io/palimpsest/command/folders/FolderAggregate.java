package io.palimpsest.command.folders;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.palimpsest.shared.folders.FolderId;
import io.palimpsest.shared.folders.commands.CreateFolder;
import io.palimpsest.shared.folders.commands.DeleteFolder;
import io.palimpsest.shared.folders.events.FolderCreated;
import io.palimpsest.shared.folders.events.FolderDeleted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A folder created explicitly. Its id is derived from its path, so a folder deleted and created
 * again is the same aggregate: it records whether it exists now rather than ending its life.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class FolderAggregate {

    @AggregateIdentifier
    private FolderId folderId;
    private boolean exists;

    FolderAggregate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateFolder command) {
        if (!exists) {
            apply(new FolderCreated(command.folderId(), command.path(), command.createdAt()));
        }
    }

    /** Also for folders that only ever existed because files were in them: the event tells read models. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeleteFolder command) {
        apply(new FolderDeleted(command.folderId(), command.path(), command.deletedAt()));
    }

    @EventSourcingHandler
    void on(FolderCreated event) {
        folderId = event.folderId();
        exists = true;
    }

    @EventSourcingHandler
    void on(FolderDeleted event) {
        folderId = event.folderId();
        exists = false;
    }
}
