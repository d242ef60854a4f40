package io.palimpsest.query.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

/** The version history's documents, written and read without a detour through JSON. */
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
    void writesWhatJacksonJsonWouldHaveWrittenFieldForField() throws Exception {
        FileRecord file = FileObjectsTest.richFile();
        Document viaJson = Document.parse(JSON.writeValueAsString(file));
        viaJson.put("_id", file.fileId());
        Document viaCodec = new DocumentCodec().decode(new BsonDocumentReader(encode(file)),
                DecoderContext.builder().build());

        assertThat(viaCodec.keySet()).containsExactlyInAnyOrderElementsOf(viaJson.keySet());
        assertThat(JSON.readTree(viaCodec.toJson())).isEqualTo(JSON.readTree(viaJson.toJson()));
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
