package io.palimpsest.command.blobs;

import io.palimpsest.blobs.BlobStore;
import io.palimpsest.shared.files.ContentHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes blobs that no version references any more (deleted versions and files, failed commands).
 * Bytes are stored before the command that references them commits, and an identical upload only
 * refreshes an existing blob's age, so blobs younger than the grace period are never touched: that
 * is what keeps an in-flight upload's bytes safe.
 */
@Component
public class BlobGarbageCollector {

    private static final Logger log = LoggerFactory.getLogger(BlobGarbageCollector.class);

    private final BlobStore blobs;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration grace;

    BlobGarbageCollector(BlobStore blobs, JdbcTemplate jdbc, Clock clock,
                         @Value("${palimpsest.storage.gc.grace-period:PT1H}") Duration grace) {
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
    }

    /** What one collection did. */
    public record Report(long examined, long deleted, long freedBytes) {
    }

    public Report collect() {
        Instant cutoff = clock.instant().minus(grace);
        AtomicLong examined = new AtomicLong();
        AtomicLong deleted = new AtomicLong();
        AtomicLong freed = new AtomicLong();
        try {
            blobs.forEach(blob -> {
                examined.incrementAndGet();
                if (blob.lastModified().isBefore(cutoff) && !isReferenced(blob.hash())) {
                    try {
                        blobs.delete(blob.hash());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    deleted.incrementAndGet();
                    freed.addAndGet(blob.size());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("blob garbage collection failed", e);
        }
        Report report = new Report(examined.get(), deleted.get(), freed.get());
        log.info("Blob garbage collection: {}", report);
        return report;
    }

    @Scheduled(fixedDelayString = "${palimpsest.storage.gc.interval:PT6H}", initialDelayString = "PT10M")
    void collectPeriodically() {
        collect();
    }

    private boolean isReferenced(ContentHash hash) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM content_reference WHERE content_hash = ?)", Boolean.class,
                hash.sha256()));
    }
}
