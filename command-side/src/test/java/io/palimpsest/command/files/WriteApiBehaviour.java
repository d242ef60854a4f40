package io.palimpsest.command.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.views.FileViews;
import io.palimpsest.platform.testing.TestPostgres;
import io.palimpsest.shared.files.FileId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The write API as a client sees it, over real HTTP, on a real PostgreSQL: files are made by real
 * uploads, then changed through the endpoint under test. Every subclass shares one application
 * context (and database); each test works in a folder of its own. Files are read back through
 * {@link FileViews}, which in these tests folds the event store (the read side is not here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WriteApiBehaviour {

    protected static final String PRIVATE_KEY = "private_test_key";
    /** Well-formed, and no file or version has it. */
    protected static final String UNKNOWN_ID = "0123456789abcdef01234567";
    protected static final String NOT_AN_ID = "not-an-id";

    @LocalServerPort
    int port;

    @Autowired
    protected FileViews views;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        Path dataDir = Files.createTempDirectory("palimpsest-write-api-it");
        registry.add("palimpsest.data-dir", dataDir::toString);
    }

    /** Authenticated with the private key, as every management API call is. */
    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(PRIVATE_KEY, "do_not_set"))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    protected WebTestClient anonymousClient() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    protected static String uniqueFolder() {
        return "/it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Uploads new bytes to {@code folder/fileName}: a new file, or the next version of the file there. */
    protected JsonNode upload(String folder, String fileName) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        byte[] content = ("content " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.TEXT_PLAIN);
        form.part("fileName", fileName);
        form.part("folder", folder);
        form.part("useUniqueFileName", "false");
        return client().post().uri("/api/v1/files/upload")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** {@code count} uploads to one new path: Versions 1..count of one file, the last current. */
    protected List<JsonNode> fileWithVersions(int count) {
        String folder = uniqueFolder();
        List<JsonNode> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uploads.add(upload(folder, "notes.txt"));
        }
        return uploads;
    }

    protected static String fileIdOf(JsonNode file) {
        return file.get("fileId").asText();
    }

    /** The folder a File or upload answer says the file is in, as an upload's {@code folder} takes it. */
    protected static String folderOf(JsonNode file) {
        String filePath = file.get("filePath").asText();
        return filePath.substring(0, filePath.lastIndexOf('/') + 1);
    }

    protected static String versionIdOf(JsonNode file) {
        return file.get("versionInfo").get("id").asText();
    }

    protected Map<String, Object> currentFile(String fileId) {
        return views.currentFile(new FileId(fileId));
    }

    /** How many events the file's history holds: shows that a request wrote nothing. */
    protected long eventCount(String fileId) {
        return eventStore.lastSequenceNumberFor(fileId).map(last -> last + 1).orElse(0L);
    }

    protected long contentReferences(String fileId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM content_reference WHERE file_id = ?", Long.class, fileId);
        return count == null ? 0 : count;
    }

    /** Asserts ImageKit's error shape: the status, the exact message, the support sentence, and the reason if any. */
    protected static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String message) {
        expectError(response, status, message, null);
    }

    protected static void expectError(WebTestClient.ResponseSpec response, HttpStatus status, String message,
                                      String reason) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.message").isEqualTo(message)
                .jsonPath("$.help").isNotEmpty();
        if (reason == null) {
            body.jsonPath("$.reason").doesNotExist();
        } else {
            body.jsonPath("$.reason").isEqualTo(reason);
        }
    }
}
