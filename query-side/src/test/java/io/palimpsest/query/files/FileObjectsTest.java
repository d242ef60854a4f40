package io.palimpsest.query.files;

import static io.palimpsest.query.support.FileHistory.aiTag;
import static io.palimpsest.query.support.FileHistory.jpeg;
import static io.palimpsest.query.support.FileHistory.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.palimpsest.platform.security.ApiKeys;
import io.palimpsest.platform.web.DeliveryUrls;
import io.palimpsest.query.support.FileHistory;
import io.palimpsest.shared.files.VersionDetails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * File objects are written straight to bytes, and search hits are assembled from pre-rendered parts:
 * both must be exactly what Jackson writes for the File object as a map (what the API answered before
 * either existed).
 */
class FileObjectsTest {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00.123456Z");

    /** The application's mapper as Spring Boot builds it (ISO-8601 instants). */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    final FileObjects objects = new FileObjects(new DeliveryUrls("https://media.example.com/lib/"),
            new VersionTokens(new ApiKeys("private_test", "public_test")), JSON);
    final FileJson parts = new FileJson(JSON);

    static FileRecord folded(FileHistory history) {
        FileRecord record = FileRecord.empty(history.id());
        List<?> events = history.events();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            record.apply(events.get(sequence), sequence);
        }
        return record;
    }

    /** Versions with and without everything a File object can show: tags, AI tags, metadata of each type, description. */
    static FileRecord richFile() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("price", 12.5);
        metadata.put("count", 3);
        metadata.put("big", 30_000_000_000L);
        metadata.put("onSale", true);
        metadata.put("brand", "Ünïcode \"quoted\" \\ back\tslash");
        metadata.put("colours", List.of("red", "green"));
        VersionDetails rich = new VersionDetails(List.of("cat", "ä tag"), List.of(aiTag("animal"), aiTag("pet")),
                metadata, "10,10,100,100", "a \"described\" version\n", true, false);
        return folded(FileHistory.uploaded("/images/über-katze.jpg", jpeg(2048), rich, T0)
                .versionAdded(pdf(4096), FileHistory.BARE, T0.plusSeconds(60))
                .versionAdded(jpeg(1024), rich.withPublished(true), T0.plusSeconds(120))
                .versionRestored(1, T0.plusSeconds(180)));
    }

    static byte[] jackson(Object value) throws Exception {
        return JSON.writeValueAsBytes(value);
    }

    @Nested
    class WrittenStraightToBytes {

        @Test
        void writesEachVersionAsJacksonWritesItsMap() throws Exception {
            FileRecord file = richFile();
            for (VersionRecord version : file.versions()) {
                assertThat(text(objects.json(file, version))).isEqualTo(text(jackson(objects.render(file, version))));
            }
        }

        @Test
        void writesTheVersionListAsJacksonWritesTheListOfMaps() throws Exception {
            FileRecord file = richFile();
            List<Map<String, Object>> maps = file.versions().stream().map(v -> objects.render(file, v)).toList();

            assertThat(text(objects.jsonArray(file, file.versions()))).isEqualTo(text(jackson(maps)));
        }
    }

    @Nested
    class AssembledFromStoredParts {

        @Test
        void givesTheSameBytesAsTheWholeObject() {
            FileRecord file = richFile();
            for (VersionRecord version : file.versions()) {
                ByteArrayBuilder out = new ByteArrayBuilder();
                out.write(parts.head(file, version));
                objects.writeUrls(out, FileObjects.UrlParts.of(file, version));
                out.write(parts.tail(file, version));

                assertThat(text(out.toByteArray())).isEqualTo(text(objects.json(file, version)));
            }
        }

        @Test
        void endsTheHeadAtIsPublishedAndStartsTheTailAtFileType() {
            FileRecord file = richFile();
            VersionRecord version = file.current().orElseThrow();

            assertThat(text(parts.head(file, version))).startsWith("{\"type\":\"file\"").endsWith("\"isPublished\":false");
            assertThat(text(parts.tail(file, version))).startsWith(",\"fileType\":\"image\"").endsWith("}");
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
