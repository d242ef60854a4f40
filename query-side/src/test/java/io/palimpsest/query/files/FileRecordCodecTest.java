package io.palimpsest.query.files;

import static io.palimpsest.query.files.FileObjectsTest.T0;
import static io.palimpsest.query.files.FileObjectsTest.folded;
import static io.palimpsest.query.support.FileHistory.jpeg;
import static io.palimpsest.query.support.FileHistory.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import io.palimpsest.query.support.FileHistory;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The version history's documents, written and read without a detour through JSON, defaults left out. */
class FileRecordCodecTest {

    static final ObjectMapper JSON = FileObjectsTest.JSON;
    final FileRecordCodec codec = new FileRecordCodec();

    @Test
    void readsBackWhatItWrote() throws Exception {
        FileRecord file = FileObjectsTest.richFile();

        assertThat(JSON.writeValueAsString(decode(encode(file)))).isEqualTo(JSON.writeValueAsString(file));
    }

    @Test
    void readsDocumentsWrittenFromJacksonJson() throws Exception {
        FileRecord file = FileObjectsTest.richFile();
        Document document = Document.parse(JSON.writeValueAsString(file));
        document.put("_id", file.fileId());
        BsonDocument bson = document.toBsonDocument(Document.class, org.bson.codecs.configuration.CodecRegistries
                .fromProviders(new org.bson.codecs.DocumentCodecProvider(), new org.bson.codecs.ValueCodecProvider(),
                        new org.bson.codecs.IterableCodecProvider(), new org.bson.codecs.MapCodecProvider()));

        assertThat(JSON.writeValueAsString(decode(bson))).isEqualTo(JSON.writeValueAsString(file));
    }

    @Test
    void keysTheDocumentByFileId() {
        FileRecord file = FileObjectsTest.richFile();

        assertThat(encode(file).getString("_id").getValue()).isEqualTo(file.fileId());
    }

    @Test
    void writesWhatJacksonJsonWouldHaveWrittenLeavingOutDefaultValues() throws Exception {
        FileRecord file = FileObjectsTest.richFile();
        Document viaJson = Document.parse(JSON.writeValueAsString(file));
        viaJson.put("_id", file.fileId());
        viaJson.getList("versions", Document.class).forEach(FileRecordCodecTest::leaveOutDefaults);
        Document viaCodec = new DocumentCodec().decode(new BsonDocumentReader(encode(file)),
                DecoderContext.builder().build());

        assertThat(viaCodec.keySet()).containsExactlyInAnyOrderElementsOf(viaJson.keySet());
        assertThat(JSON.readTree(viaCodec.toJson())).isEqualTo(JSON.readTree(viaJson.toJson()));
    }

    @Test
    void writesAnUploadWithoutDetailsAsItsContentFactsAndTime() {
        FileRecord file = folded(FileHistory.uploaded("/docs/menu.pdf", pdf(5000), FileHistory.BARE, T0));

        BsonDocument version = encode(file).getArray("versions").get(0).asDocument();

        assertThat(version.keySet()).containsExactly("versionId", "number", "contentHash", "size", "mime", "createdAt");
    }

    @Test
    void readsLeftOutValuesAsTheirDefaults() throws Exception {
        FileRecord file = folded(FileHistory.uploaded("/docs/menu.pdf", pdf(5000), FileHistory.BARE, T0)
                .versionAdded(jpeg(1024), FileHistory.BARE, T0.plusSeconds(60)));

        FileRecord read = decode(encode(file));

        assertThat(read.versions()).allSatisfy(version -> {
            assertThat(version.details()).isEqualTo(FileHistory.BARE);
            assertThat(version.updatedAt()).isEqualTo(version.createdAt());
        });
        assertThat(read.versions().get(0).width()).isNull();
        assertThat(JSON.writeValueAsString(read)).isEqualTo(JSON.writeValueAsString(file));
    }

    /** What the codec leaves out of a version: absent image facts, default details, an unchanged updatedAt. */
    private static void leaveOutDefaults(Document version) {
        for (String imageFact : List.of("width", "height", "hasAlpha")) {
            if (version.get(imageFact) == null) {
                version.remove(imageFact);
            }
        }
        if (version.get("updatedAt").equals(version.get("createdAt"))) {
            version.remove("updatedAt");
        }
        Document details = version.get("details", Document.class);
        Document defaults = Document.parse("{\"tags\": [], \"aiTags\": [], \"customMetadata\": {},"
                + " \"customCoordinates\": null, \"description\": null, \"privateFile\": false, \"published\": true}");
        defaults.forEach((key, value) -> {
            if (Objects.equals(details.get(key), value)) {
                details.remove(key);
            }
        });
        if (details.isEmpty()) {
            version.remove("details");
        }
    }

    private BsonDocument encode(FileRecord file) {
        BsonDocument document = new BsonDocument();
        codec.encode(new BsonDocumentWriter(document), file, EncoderContext.builder().build());
        return document;
    }

    private FileRecord decode(BsonDocument document) {
        return codec.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }
}
