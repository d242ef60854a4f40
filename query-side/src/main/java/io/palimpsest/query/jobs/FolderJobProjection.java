package io.palimpsest.query.jobs;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import io.palimpsest.shared.folders.events.FolderJobStarted;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Folder job status in MongoDB (collection {@code jobs}, {@code _id} = jobId); idempotent by sequence. */
@Component
@ProcessingGroup(FolderJobProjection.PROCESSING_GROUP)
public class FolderJobProjection {

    public static final String PROCESSING_GROUP = "folder-jobs";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> jobs;

    FolderJobProjection(MongoDatabase database) {
        this.jobs = database.getCollection("jobs");
    }

    @EventHandler
    void on(FolderJobStarted event, @SequenceNumber long sequence) {
        save(new FolderJobRecord(event.jobId(), event.type().name(), "Pending", sequence));
    }

    @EventHandler
    void on(FolderJobCompleted event, @SequenceNumber long sequence) {
        save(new FolderJobRecord(event.jobId(), event.type().name(), "Completed", sequence));
    }

    public Optional<FolderJobRecord> load(String jobId) {
        Document document = Mono.from(jobs.find(Filters.eq("_id", jobId)).first()).block(TIMEOUT);
        return Optional.ofNullable(document).map(d -> new FolderJobRecord(d.getString("_id"), d.getString("type"),
                d.getString("status"), d.get("sequence", Number.class).longValue()));
    }

    private void save(FolderJobRecord job) {
        Optional<FolderJobRecord> existing = load(job.jobId());
        if (existing.isPresent() && existing.get().sequence() >= job.sequence()) {
            return;
        }
        Document document = new Document("_id", job.jobId()).append("type", job.type())
                .append("status", job.status()).append("sequence", job.sequence());
        Mono.from(jobs.replaceOne(Filters.eq("_id", job.jobId()), document, new ReplaceOptions().upsert(true)))
                .block(TIMEOUT);
    }
}
