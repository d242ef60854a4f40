package io.palimpsest.query.search;

import io.palimpsest.query.files.FileRecord;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.FileEvent;
import io.palimpsest.shared.files.events.FileMoved;
import io.palimpsest.shared.files.events.FileRenamed;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.events.FolderCreated;
import io.palimpsest.shared.folders.events.FolderDeleted;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index: folds each file event into the file's record (read back from the
 * index itself) and stages the file's documents, plus a folder document for every folder a file
 * lands in. Nothing is written here: {@link IndexTokenStore} writes a batch's staged changes with
 * its stream position, in one Lucene commit.
 */
@Component
@ProcessingGroup(SearchIndexProjection.PROCESSING_GROUP)
class SearchIndexProjection {

    static final String PROCESSING_GROUP = "search-index";
    private static final String ROLLBACK_REGISTERED = SearchIndexProjection.class.getName() + ".rollback";

    private final SearchIndex index;

    SearchIndexProjection(SearchIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(FileEvent event, @SequenceNumber long sequence) {
        discardStagedOnRollback();
        String fileId = event.fileId().value();
        FileRecord file = index.file(fileId).orElseGet(() -> FileRecord.empty(fileId));
        String folderBefore = file.folder();
        if (!file.apply(event, sequence)) {
            return;
        }
        index.stage(file);
        if (!file.deleted() && !Objects.equals(folderBefore, file.folder())) {
            ensureFolders(FolderPath.parse(file.folder()), timeOf(event, file));
        }
    }

    @EventHandler
    void on(FolderCreated event) {
        discardStagedOnRollback();
        ensureFolders(event.path(), event.createdAt());
    }

    @EventHandler
    void on(FolderDeleted event) {
        discardStagedOnRollback();
        index.stageFolderRemoval(event.path().value());
    }

    /** After a move or rename the source folder is gone; a copy leaves it. */
    @EventHandler
    void on(FolderJobCompleted event) {
        discardStagedOnRollback();
        if (event.type() != FolderJobType.COPY_FOLDER) {
            index.stageFolderRemoval(event.source().value());
        }
    }

    private void ensureFolders(FolderPath folder, Instant at) {
        for (FolderPath path : folder.selfAndAncestors()) {
            if (!index.hasFolder(path.value())) {
                index.stage(FolderRecord.of(path, at));
            }
        }
    }

    private static Instant timeOf(FileEvent event, FileRecord file) {
        if (event instanceof FileCreated created) {
            return created.firstVersion().createdAt();
        }
        if (event instanceof FileMoved moved) {
            return moved.movedAt();
        }
        if (event instanceof FileRenamed renamed) {
            return renamed.renamedAt();
        }
        return file.updatedAt();
    }

    private void discardStagedOnRollback() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.getOrComputeResource(ROLLBACK_REGISTERED, key -> {
            unitOfWork.onRollback(u -> index.discardStaged());
            return Boolean.TRUE;
        });
    }
}
