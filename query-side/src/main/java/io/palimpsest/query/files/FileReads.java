package io.palimpsest.query.files;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.events.FileEvent;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Files by id, as of (at least) the last write acknowledged before the read. */
@Component
public class FileReads {

    public static final String FILE_NOT_FOUND = "The requested file does not exist.";

    private final FileRecordStore store;
    private final ReadYourWrites readYourWrites;

    FileReads(FileRecordStore store, ReadYourWrites readYourWrites) {
        this.store = store;
        this.readYourWrites = readYourWrites;
    }

    /**
     * The file as of (at least) the last write acknowledged before this call; 404 if there is none.
     * Blocking: call it off the event loop.
     */
    public FileRecord existing(String fileId) {
        return existing(readYourWrites.read(fileId, store.loadAsync(fileId), () -> store.load(fileId),
                FileRecord::sequence, (record, event) -> fold(fileId, record, event)));
    }

    /** As {@link #existing(String)}, without blocking a thread on its usual path. */
    public Mono<FileRecord> existingLater(String fileId) {
        return readYourWrites.readLater(fileId, () -> store.loadAsync(fileId), () -> store.load(fileId),
                FileRecord::sequence, (record, event) -> fold(fileId, record, event)).map(FileReads::existing);
    }

    private static FileRecord existing(Optional<FileRecord> file) {
        return file.filter(r -> !r.deleted() && r.current().isPresent())
                .orElseThrow(() -> ApiError.notFound(FILE_NOT_FOUND));
    }

    private static FileRecord fold(String fileId, FileRecord record, DomainEventMessage<?> event) {
        FileRecord folded = record != null ? record : FileRecord.empty(fileId);
        if (event.getPayload() instanceof FileEvent fileEvent) {
            folded.apply(fileEvent, event.getSequenceNumber());
        }
        return folded;
    }
}
