package io.palimpsest.query.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The version history read model: collection {@code files}, one document per file with
 * {@code _id} = fileId and every version inside. Every read is an {@code _id} look-up, which is what
 * stays fast on the embedded wire server and on real MongoDB alike. Blocking: for projection threads
 * and the bounded elastic scheduler only.
 */
@Component
public class FileRecordStore {

    static final String COLLECTION = "files";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> files;
    private final ObjectMapper json;

    FileRecordStore(MongoDatabase database, ObjectMapper json) {
        this.files = database.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<FileRecord> load(String fileId) {
        Document document = Mono.from(files.find(Filters.eq("_id", fileId)).first()).block(TIMEOUT);
        return Optional.ofNullable(document).map(this::toRecord);
    }

    /** One bulk write for a whole batch of changed files. */
    public void saveAll(Collection<FileRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = records.stream()
                .map(record -> new ReplaceOneModel<>(Filters.eq("_id", record.fileId()), toDocument(record),
                        new ReplaceOptions().upsert(true)))
                .toList();
        Mono.from(files.bulkWrite(writes)).block(TIMEOUT);
    }

    private Document toDocument(FileRecord record) {
        try {
            Document document = Document.parse(json.writeValueAsString(record));
            document.put("_id", record.fileId());
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise file " + record.fileId(), e);
        }
    }

    private FileRecord toRecord(Document document) {
        try {
            document.remove("_id");
            return json.readValue(document.toJson(), FileRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read file document " + document, e);
        }
    }
}
