package io.palimpsest.query.metadata;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The custom metadata fields read model: collection {@code customMetadataFields}, one document per
 * field with {@code _id} = field id. The list reads the whole collection, which stays tiny (an
 * account has tens of fields, not thousands). Blocking: for projection threads and the bounded
 * elastic scheduler only.
 */
@Component
public class CustomMetadataFieldStore {

    static final String COLLECTION = "customMetadataFields";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoCollection<Document> fields;
    private final ObjectMapper json;

    CustomMetadataFieldStore(MongoDatabase database, ObjectMapper json) {
        this.fields = database.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<CustomMetadataFieldRecord> load(String fieldId) {
        Document document = Mono.from(fields.find(Filters.eq("_id", fieldId)).first()).block(TIMEOUT);
        return Optional.ofNullable(document).map(this::toRecord);
    }

    public List<CustomMetadataFieldRecord> all() {
        return Flux.from(fields.find()).map(this::toRecord).collectList().block(TIMEOUT);
    }

    /** One bulk write for a whole batch of changed fields. */
    public void saveAll(Collection<CustomMetadataFieldRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = records.stream()
                .map(record -> new ReplaceOneModel<>(Filters.eq("_id", record.fieldId()), toDocument(record),
                        new ReplaceOptions().upsert(true)))
                .toList();
        Mono.from(fields.bulkWrite(writes)).block(TIMEOUT);
    }

    private Document toDocument(CustomMetadataFieldRecord record) {
        try {
            Document document = Document.parse(json.writeValueAsString(record));
            document.remove("fieldId");
            document.put("_id", record.fieldId());
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise custom metadata field " + record.fieldId(), e);
        }
    }

    private CustomMetadataFieldRecord toRecord(Document document) {
        try {
            document.put("fieldId", document.remove("_id"));
            return json.readValue(document.toJson(), CustomMetadataFieldRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read custom metadata field document " + document, e);
        }
    }
}
