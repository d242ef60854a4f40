package io.palimpsest.standalone.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.palimpsest.platform.testing.TestPostgres;
import io.palimpsest.standalone.StandaloneApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Writes that answer with a File (restore, PATCH details) answer with exactly what the next read
 * returns: both sides in one application, as the standalone runs them, on a real PostgreSQL and the
 * MongoDB wire server, with {@link ReadModelFileViews} between them.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WriteAnswersIT {

    static final String PRIVATE_KEY = "private_standalone_test_key";

    /** Lives as long as the test JVM: Spring keeps the context, and its MongoDB client, cached until then. */
    static MongoServer mongo;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/read_models";
        registry.add("spring.data.mongodb.uri", () -> mongoUri);
        String dataDir = Files.createTempDirectory("palimpsest-standalone-it").toString();
        registry.add("palimpsest.data-dir", () -> dataDir);
        registry.add("palimpsest.security.private-key", () -> PRIVATE_KEY);
        registry.add("palimpsest.security.public-key", () -> "public_standalone_test_key");
        registry.add("management.server.port", () -> "0");
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(PRIVATE_KEY, "do_not_set"))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    List<JsonNode> fileWithVersions(int count) {
        String folder = "/standalone-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<JsonNode> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", new ByteArrayResource(("v" + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "poster.txt";
                }
            }).contentType(MediaType.TEXT_PLAIN);
            form.part("fileName", "poster.txt");
            form.part("folder", folder);
            form.part("useUniqueFileName", "false");
            uploads.add(client().post().uri("/api/v1/files/upload").contentType(MediaType.MULTIPART_FORM_DATA)
                    .bodyValue(form.build()).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody());
        }
        return uploads;
    }

    JsonNode details(String fileId) {
        return client().get().uri("/v1/files/{fileId}/details", fileId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode versions(String fileId) {
        return client().get().uri("/v1/files/{fileId}/versions", fileId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void restoreAnswersWithTheFileTheNextReadReturns() {
        List<JsonNode> uploads = fileWithVersions(3);
        String fileId = uploads.get(0).get("fileId").asText();
        String first = uploads.get(0).get("versionInfo").get("id").asText();

        JsonNode restored = client().put().uri("/v1/files/{fileId}/versions/{versionId}/restore", fileId, first)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(restored.get("type").asText()).isEqualTo("file");
        assertThat(restored.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
        assertThat(restored).isEqualTo(details(fileId));
        JsonNode history = versions(fileId);
        assertThat(history.findValuesAsText("type")).containsExactly("file", "file-version", "file-version");
        assertThat(history.get(0)).isEqualTo(restored);
    }

    @Test
    void patchAnswersWithTheFileTheNextReadReturns() {
        String fileId = fileWithVersions(2).get(0).get("fileId").asText();
        client().post().uri("/v1/customMetadataFields").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "brand", "label", "Brand", "schema", Map.of("type", "Text")))
                .exchange().expectStatus().isCreated();

        JsonNode updated = client().patch().uri("/v1/files/{fileId}/details", fileId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tags", List.of("summer"), "description", "A poster", "customMetadata",
                        Map.of("brand", "acme")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(updated.get("tags").toString()).isEqualTo("[\"summer\"]");
        assertThat(updated.get("description").asText()).isEqualTo("A poster");
        assertThat(updated.get("versionInfo").get("name").asText()).isEqualTo("Version 2");
        assertThat(updated).isEqualTo(details(fileId));
    }

    @Test
    void unpublishingAnswersWithTheFileTheNextReadReturns() {
        String fileId = fileWithVersions(1).get(0).get("fileId").asText();

        JsonNode unpublished = client().patch().uri("/v1/files/{fileId}/details", fileId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("publish", Map.of("isPublished", false)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(unpublished.get("isPublished").asBoolean()).isFalse();
        assertThat(unpublished).isEqualTo(details(fileId));
    }

    @Test
    void aDeletedFileIsGoneForTheNextRead() {
        String fileId = fileWithVersions(2).get(0).get("fileId").asText();

        client().delete().uri("/v1/files/{fileId}", fileId).exchange().expectStatus().isNoContent();

        client().get().uri("/v1/files/{fileId}/details", fileId).exchange().expectStatus().isNotFound();
    }
}
