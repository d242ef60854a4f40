package io.palimpsest.query.files;

import io.palimpsest.platform.web.ApiError;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads by id that reflect every write acknowledged before the read began: the event store says how
 * far the file's history goes, and the read waits (bounded) until the version history has caught up,
 * then answers with the freshest state it has. Blocking: call it off the event loop.
 */
@Component
public class FileReads {

    public static final String FILE_NOT_FOUND = "The requested file does not exist.";
    private static final Duration POLL = Duration.ofMillis(5);

    private final FileRecordStore store;
    private final EventStore events;
    private final Duration maxWait;

    FileReads(FileRecordStore store, EventStore events,
              @Value("${palimpsest.query.read-your-writes-timeout:PT2S}") Duration maxWait) {
        this.store = store;
        this.events = events;
        this.maxWait = maxWait;
    }

    /** The file as of (at least) the last write acknowledged before this call; 404 if there is none. */
    public FileRecord existing(String fileId) {
        long head = events.lastSequenceNumberFor(fileId).orElse(-1L);
        if (head < 0) {
            throw ApiError.notFound(FILE_NOT_FOUND);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<FileRecord> record = store.load(fileId);
        while ((record.isEmpty() || record.get().sequence() < head) && System.nanoTime() < deadline) {
            sleep();
            record = store.load(fileId);
        }
        return record.filter(r -> !r.deleted() && r.current().isPresent())
                .orElseThrow(() -> ApiError.notFound(FILE_NOT_FOUND));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }
}
