package io.palimpsest.query.metadata;

import io.palimpsest.shared.metadata.events.CustomMetadataFieldEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the custom metadata fields read model. The events of one processing batch are folded in
 * memory, each field loaded once, and written with one bulk write when the batch commits (before its
 * token is stored, so a failed write replays the batch; folding is idempotent).
 */
@Component
@ProcessingGroup(CustomMetadataFieldProjection.PROCESSING_GROUP)
public class CustomMetadataFieldProjection {

    public static final String PROCESSING_GROUP = "custom-metadata-fields";
    private static final String BATCH = CustomMetadataFieldProjection.class.getName() + ".batch";

    private final CustomMetadataFieldStore store;

    CustomMetadataFieldProjection(CustomMetadataFieldStore store) {
        this.store = store;
    }

    @EventHandler
    void on(CustomMetadataFieldEvent event, @SequenceNumber long sequence) {
        String fieldId = event.fieldId().value();
        Map<String, CustomMetadataFieldRecord> changed = currentBatch();
        CustomMetadataFieldRecord record = changed.containsKey(fieldId) ? changed.get(fieldId)
                : store.load(fieldId).orElseGet(() -> CustomMetadataFieldRecord.empty(fieldId));
        CustomMetadataFieldRecord folded = record.apply(event, sequence);
        if (folded != record) {
            changed.put(fieldId, folded);
        }
    }

    private Map<String, CustomMetadataFieldRecord> currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<String, CustomMetadataFieldRecord> changed = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> store.saveAll(changed.values()));
            return changed;
        });
    }
}
