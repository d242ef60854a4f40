package io.palimpsest.query.files;

import io.palimpsest.shared.files.events.FileEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the version history read model. Events of one processing batch are folded in memory, each
 * file loaded once, and written with one bulk write when the batch commits (before its token is
 * stored, so a failed write replays the batch; folding is idempotent).
 */
@Component
@ProcessingGroup(VersionHistoryProjection.PROCESSING_GROUP)
public class VersionHistoryProjection {

    public static final String PROCESSING_GROUP = "version-history";
    private static final String BATCH = VersionHistoryProjection.class.getName() + ".batch";

    private final FileRecordStore store;

    VersionHistoryProjection(FileRecordStore store) {
        this.store = store;
    }

    @EventHandler
    void on(FileEvent event, @SequenceNumber long sequence) {
        String fileId = event.fileId().value();
        Batch batch = currentBatch();
        FileRecord record = batch.records.computeIfAbsent(fileId,
                id -> store.load(id).orElseGet(() -> FileRecord.empty(id)));
        if (record.apply(event, sequence)) {
            batch.changed.add(fileId);
        }
    }

    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> store.saveAll(batch.changed.stream().map(batch.records::get).toList()));
            return batch;
        });
    }

    private static final class Batch {
        private final Map<String, FileRecord> records = new LinkedHashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
    }
}
