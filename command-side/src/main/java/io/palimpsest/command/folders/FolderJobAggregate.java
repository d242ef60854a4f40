package io.palimpsest.command.folders;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.commands.CompleteFolderJob;
import io.palimpsest.shared.folders.commands.StartFolderJob;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import io.palimpsest.shared.folders.events.FolderJobStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A background copy, move or rename of a folder: started once, completed once. */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class FolderJobAggregate {

    @AggregateIdentifier
    private String jobId;
    private FolderJobType type;
    private FolderPath source;
    private FolderPath destination;
    private boolean completed;

    FolderJobAggregate() {
        // for Axon
    }

    @CommandHandler
    FolderJobAggregate(StartFolderJob command) {
        apply(new FolderJobStarted(command.jobId(), command.type(), command.source(), command.destination(),
                command.includeVersions(), command.startedAt()));
    }

    /** Completing twice (a resumed runner finishing again) records nothing new. */
    @CommandHandler
    void handle(CompleteFolderJob command) {
        if (!completed) {
            apply(new FolderJobCompleted(jobId, type, source, destination, command.transferredFiles(),
                    command.failedFiles(), command.completedAt()));
        }
    }

    @EventSourcingHandler
    void on(FolderJobStarted event) {
        jobId = event.jobId();
        type = event.type();
        source = event.source();
        destination = event.destination();
    }

    @EventSourcingHandler
    void on(FolderJobCompleted event) {
        completed = true;
    }
}
