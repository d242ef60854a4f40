package io.palimpsest.query.files;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonBinaryReader;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The version history read model: collection {@code files}, one document per file with
 * {@code _id} = fileId and every version inside, read and written as {@link FileRecord}s by
 * {@link FileRecordCodec}. Every read is an {@code _id} look-up, which is what stays fast on the
 * embedded wire server and on real MongoDB alike. Blocking: for projection threads and the bounded
 * elastic scheduler only.
 */
@Component
public class FileRecordStore {

    static final String COLLECTION = "files";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final FileRecordCodec CODEC = new FileRecordCodec();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final MongoCollection<FileRecord> files;
    /**
     * Reads come in as raw bytes, copied out of the driver's network buffers in one go, and are decoded
     * from a plain array: decoding straight from the (Netty) buffers costs a bounds check per byte.
     */
    private final MongoCollection<RawBsonDocument> rawFiles;

    FileRecordStore(MongoDatabase database) {
        this.files = database.getCollection(COLLECTION, FileRecord.class)
                .withCodecRegistry(CodecRegistries.fromRegistries(
                        CodecRegistries.fromCodecs(CODEC), database.getCodecRegistry()));
        this.rawFiles = database.getCollection(COLLECTION, RawBsonDocument.class);
    }

    public Optional<FileRecord> load(String fileId) {
        return Optional.ofNullable(Mono.from(rawFiles.find(Filters.eq("_id", fileId)).first()).block(TIMEOUT))
                .map(FileRecordStore::decode);
    }

    /** Starts the {@code _id} read and returns at once, so the caller can do other work while it runs. */
    CompletableFuture<Optional<FileRecord>> loadAsync(String fileId) {
        return Mono.from(rawFiles.find(Filters.eq("_id", fileId)).first()).map(raw -> Optional.of(decode(raw)))
                .defaultIfEmpty(Optional.empty()).toFuture();
    }

    private static FileRecord decode(RawBsonDocument raw) {
        try (BsonBinaryReader reader = new BsonBinaryReader(raw.getByteBuffer().asNIO())) {
            return CODEC.decode(reader, DECODING);
        }
    }

    /** One bulk write for a whole batch of changed files. */
    public void saveAll(Collection<FileRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<FileRecord>> writes = records.stream()
                .map(record -> new ReplaceOneModel<>(Filters.eq("_id", record.fileId()), record, UPSERT))
                .toList();
        Mono.from(files.bulkWrite(writes)).block(TIMEOUT);
    }
}
