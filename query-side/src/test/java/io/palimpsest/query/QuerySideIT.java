package io.palimpsest.query;

import static io.palimpsest.query.support.FileHistory.jpeg;
import static io.palimpsest.query.support.FileHistory.pdf;
import static io.palimpsest.query.support.FileHistory.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.palimpsest.platform.testing.TestPostgres;
import io.palimpsest.query.files.FileRecord;
import io.palimpsest.query.files.FileRecordStore;
import io.palimpsest.query.support.FileHistory;
import io.palimpsest.query.support.TestMongo;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The read side as a client sees it, over real HTTP, on a real PostgreSQL event store and the
 * MongoDB wire server: events are appended the way the write side appends them, and the query API
 * must show them (details and versions at once, list and search within a bounded lag).
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuerySideIT {

    static final String PRIVATE_KEY = "private_test_key";
    static final String FILE_NOT_FOUND = "The requested file does not exist.";
    static final String VERSION_NOT_FOUND = "The requested file version does not exist.";
    static final String INVALID_FILE_ID = "Your request contains invalid fileId parameter.";
    static final String INVALID_VERSION_ID = "Your request contains invalid versionId parameter.";
    /** A well-formed id that no file has. */
    static final String UNKNOWN_ID = "0123456789abcdef01234567";
    /** How long list and search may trail the event store in these tests. */
    static final Duration SEARCH_LAG = Duration.ofSeconds(10);

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final AtomicInteger FOLDERS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    FileRecordStore fileRecords;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    MongoDatabase readModels;

    @Autowired
    ObjectMapper json;

    WebTestClient client;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        TestMongo.registerFreshDatabase(registry);
        // not a JUnit @TempDir: Spring caches the context beyond the lifetime of one test class
        String dataDir = Files.createTempDirectory("palimpsest-query-it").toString();
        registry.add("palimpsest.data-dir", () -> dataDir);
    }

    @BeforeEach
    void client() {
        client = clientAs(PRIVATE_KEY);
    }

    // ---- the write side, as far as the read side can tell

    /** Appends whatever of each history the event store does not hold yet, as the file aggregate does. */
    void recorded(FileHistory... histories) {
        for (FileHistory history : histories) {
            long next = eventStore.lastSequenceNumberFor(history.id()).map(last -> last + 1).orElse(0L);
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (long sequence = next; sequence <= history.lastSequence(); sequence++) {
                messages.add(new GenericDomainEventMessage<>("FileAggregate", history.id(), sequence,
                        history.events().get((int) sequence)));
            }
            transactionManager.executeInTransaction(() -> eventStore.publish(messages));
        }
    }

    /** ImageKit's timestamps: ISO-8601, always with milliseconds, in UTC. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A folder no other test uses, e.g. {@code /it-7/}. */
    static String newFolder() {
        return "/it-" + FOLDERS.incrementAndGet() + "/";
    }

    // ---- HTTP

    WebTestClient clientAs(String userName) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(userName, "do_not_set"))
                .build();
    }

    JsonNode ok(String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode failing(HttpStatus status, String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec listing(String... parameters) {
        return client.get().uri(builder -> {
            builder.path("/v1/files");
            Object[] values = new Object[parameters.length / 2];
            for (int i = 0; i < parameters.length; i += 2) {
                builder.queryParam(parameters[i], "{v" + i / 2 + "}");
                values[i / 2] = parameters[i + 1];
            }
            return builder.build(values);
        }).exchange();
    }

    /** {@code GET /v1/files} with these name/value pairs (encoded as values, never as URI syntax). */
    JsonNode list(String... parameters) {
        return listing(parameters).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode listFailing(String... parameters) {
        return listing(parameters).expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asText()).toList();
    }

    static List<String> names(JsonNode array) {
        return texts(array, "name");
    }

    static List<String> versionNames(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(item -> item.path("versionInfo").path("name").asText()).toList();
    }

    static String tokenIn(String url) {
        int start = url.indexOf("ik-obj-version=") + "ik-obj-version=".length();
        int end = url.indexOf('&', start);
        return url.substring(start, end < 0 ? url.length() : end);
    }

    /** Retries {@code assertion} until it holds or {@link #SEARCH_LAG} has passed; then its last failure. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + SEARCH_LAG.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                pause(Duration.ofMillis(50));
            }
        }
    }

    static <T> T waitFor(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + SEARCH_LAG.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError("gave up waiting for " + what + " after " + SEARCH_LAG);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class FileDetails {

        @Test
        void showsAFileRightAfterItIsRecorded() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now());
            recorded(cat);

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("fileId").asText()).isEqualTo(cat.id());
        }

        @Test
        void showsANewVersionRightAfterItIsRecorded() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now().minusSeconds(10));
            recorded(cat);
            ok("/v1/files/{id}/details", cat.id());
            recorded(cat.versionAdded(now()));

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("versionInfo").path("id").asText())
                    .isEqualTo(cat.versionIdOf(2));
        }

        @Test
        void showsAnEditRightAfterItIsRecorded() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now().minusSeconds(10));
            recorded(cat);
            ok("/v1/files/{id}/details", cat.id());
            recorded(cat.tagsAdded(now(), "pet"));

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("tags").toString()).isEqualTo("[\"pet\"]");
        }

        @Test
        void rendersTheCurrentVersionAsAFileObject() {
            String folder = newFolder();
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", jpeg(1234), FileHistory.BARE, now());
            recorded(cat);

            JsonNode file = ok("/v1/files/{id}/details", cat.id());

            assertThat(Map.<String, Object>of("type", file.path("type").asText(), "name", file.path("name").asText(),
                    "filePath", file.path("filePath").asText(), "versionInfo.id", file.path("versionInfo").path("id").asText(),
                    "versionInfo.name", file.path("versionInfo").path("name").asText(),
                    "fileType", file.path("fileType").asText(), "mime", file.path("mime").asText(),
                    "size", file.path("size").asLong(), "width", file.path("width").asInt(),
                    "height", file.path("height").asInt()))
                    .isEqualTo(Map.<String, Object>of("type", "file", "name", "cat.jpg", "filePath", folder + "cat.jpg",
                            "versionInfo.id", cat.id(), "versionInfo.name", "Version 1",
                            "fileType", "image", "mime", "image/jpeg", "size", 1234L, "width", 640, "height", 480));
        }

        @Test
        void rendersNoTagsAsNull() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now());
            recorded(cat);

            JsonNode file = ok("/v1/files/{id}/details", cat.id());

            assertThat(List.of(file.get("tags").isNull(), file.get("AITags").isNull())).containsExactly(true, true);
        }

        @Test
        void givesTheFileVersion1sTimeAsCreatedAt() {
            Instant firstUpload = now().minus(3, ChronoUnit.DAYS);
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", firstUpload).versionAdded(now());
            recorded(cat);

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("createdAt").asText())
                    .isEqualTo(timestamp(firstUpload));
        }

        @Test
        void givesTheFileTheTimeOfItsLastChangeAsUpdatedAt() {
            Instant renamedAt = now();
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", renamedAt.minusSeconds(60))
                    .versionAdded(renamedAt.minusSeconds(30))
                    .renamed("tom.jpg", renamedAt);
            recorded(cat);

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("updatedAt").asText())
                    .isEqualTo(timestamp(renamedAt));
        }

        @Test
        void bustsCachesWithUpdatedAtInTheUrl() {
            Instant uploadedAt = now();
            String folder = newFolder();
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", uploadedAt);
            recorded(cat);

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("url").asText())
                    .endsWith(folder + "cat.jpg?updatedAt=" + uploadedAt.toEpochMilli());
        }

        @Test
        void answers404ForAnUnknownFile() {
            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/details", UNKNOWN_ID).path("message").asText())
                    .isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers404OnceTheFileIsDeleted() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now().minusSeconds(10));
            recorded(cat);
            ok("/v1/files/{id}/details", cat.id());
            recorded(cat.fileDeleted(now()));

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/details", cat.id()).path("message").asText())
                    .isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers404OnceTheFileIsMergedAway() {
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", now().minusSeconds(10)).mergedAway(now());
            recorded(cat);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/details", cat.id()).path("message").asText())
                    .isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            assertThat(failing(HttpStatus.BAD_REQUEST, "/v1/files/{id}/details", "not-a-file-id").path("message")
                    .asText()).isEqualTo(INVALID_FILE_ID);
        }
    }

    @Nested
    class VersionList {

        /** Versions 1..3 uploaded a minute apart, Version 3 current. */
        FileHistory catWithThreeVersions() {
            Instant start = now().minusSeconds(180);
            return FileHistory.uploaded(newFolder() + "cat.jpg", start)
                    .versionAdded(start.plusSeconds(60))
                    .versionAdded(start.plusSeconds(120));
        }

        @Test
        void listsEveryVersionOldestFirst() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            assertThat(versionNames(ok("/v1/files/{id}/versions", cat.id())))
                    .containsExactly("Version 1", "Version 2", "Version 3");
        }

        @Test
        void identifiesEachVersionByItsVersionId() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            JsonNode versions = ok("/v1/files/{id}/versions", cat.id());

            assertThat(StreamSupport.stream(versions.spliterator(), false)
                    .map(v -> v.path("versionInfo").path("id").asText()).toList())
                    .containsExactly(cat.versionIdOf(1), cat.versionIdOf(2), cat.versionIdOf(3));
        }

        @Test
        void marksOnlyTheCurrentVersionAsFile() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            assertThat(texts(ok("/v1/files/{id}/versions", cat.id()), "type"))
                    .containsExactly("file-version", "file-version", "file");
        }

        @Test
        void marksTheRestoredVersionAsFile() {
            FileHistory cat = catWithThreeVersions().versionRestored(1, now());
            recorded(cat);

            assertThat(texts(ok("/v1/files/{id}/versions", cat.id()), "type"))
                    .containsExactly("file", "file-version", "file-version");
        }

        @Test
        void givesEveryVersionTheSameFileId() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            assertThat(texts(ok("/v1/files/{id}/versions", cat.id()), "fileId")).containsOnly(cat.id());
        }

        @Test
        void addressesNonCurrentVersionsWithAnIkObjVersionToken() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            assertThat(texts(ok("/v1/files/{id}/versions", cat.id()), "url"))
                    .satisfiesExactly(
                            url -> assertThat(url).contains("?ik-obj-version="),
                            url -> assertThat(url).contains("?ik-obj-version="),
                            url -> assertThat(url).doesNotContain("ik-obj-version"));
        }

        @Test
        void usesTokensThatAreNotTheVersionIds() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            JsonNode version1 = ok("/v1/files/{id}/versions", cat.id()).get(0);

            assertThat(tokenIn(version1.path("url").asText())).isNotBlank().isNotEqualTo(cat.versionIdOf(1));
        }

        @Test
        void givesEveryVersionItsOwnToken() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);

            JsonNode versions = ok("/v1/files/{id}/versions", cat.id());

            assertThat(tokenIn(versions.get(0).path("url").asText()))
                    .isNotEqualTo(tokenIn(versions.get(1).path("url").asText()));
        }

        @Test
        void changesAVersionsTokenWhenItIsUnpublished() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);
            String published = tokenIn(ok("/v1/files/{id}/versions", cat.id()).get(0).path("url").asText());
            recorded(cat.publicationChanged(false, true, now()));

            assertThat(tokenIn(ok("/v1/files/{id}/versions", cat.id()).get(0).path("url").asText()))
                    .isNotEqualTo(published);
        }

        @Test
        void bustsCachesWithEachVersionsUpdatedAt() {
            Instant start = now().minusSeconds(180);
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", start).versionAdded(start.plusSeconds(60));
            recorded(cat);

            assertThat(texts(ok("/v1/files/{id}/versions", cat.id()), "url"))
                    .satisfiesExactly(
                            url -> assertThat(url).endsWith("&updatedAt=" + start.toEpochMilli()),
                            url -> assertThat(url).endsWith("?updatedAt=" + start.plusSeconds(60).toEpochMilli()));
        }

        @Test
        void givesANonCurrentVersionItsOwnCreationTime() {
            Instant start = now().minusSeconds(180);
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", start)
                    .versionAdded(start.plusSeconds(60))
                    .versionAdded(start.plusSeconds(120));
            recorded(cat);

            assertThat(ok("/v1/files/{id}/versions", cat.id()).get(1).path("createdAt").asText())
                    .isEqualTo(timestamp(start.plusSeconds(60)));
        }

        @Test
        void keepsEachVersionsOwnTags() {
            Instant start = now().minusSeconds(180);
            FileHistory cat = FileHistory.uploaded(newFolder() + "cat.jpg", jpeg(100), tagged("old"), start)
                    .versionAdded(jpeg(200), tagged("new"), start.plusSeconds(60));
            recorded(cat);

            assertThat(StreamSupport.stream(ok("/v1/files/{id}/versions", cat.id()).spliterator(), false)
                    .map(v -> v.path("tags").toString()).toList())
                    .containsExactly("[\"old\"]", "[\"new\"]");
        }

        @Test
        void showsAnAddedVersionRightAfterItIsRecorded() {
            FileHistory cat = catWithThreeVersions();
            recorded(cat);
            ok("/v1/files/{id}/versions", cat.id());
            recorded(cat.versionAdded(now()));

            assertThat(ok("/v1/files/{id}/versions", cat.id())).hasSize(4);
        }

        @Test
        void dropsADeletedVersion() {
            FileHistory cat = catWithThreeVersions().versionDeleted(2, now());
            recorded(cat);

            assertThat(versionNames(ok("/v1/files/{id}/versions", cat.id()))).containsExactly("Version 1", "Version 3");
        }

        @Test
        void answers404ForAnUnknownFile() {
            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions", UNKNOWN_ID).path("message").asText())
                    .isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers404OnceTheFileIsDeleted() {
            FileHistory cat = catWithThreeVersions().fileDeleted(now());
            recorded(cat);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions", cat.id()).path("message").asText())
                    .isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            assertThat(failing(HttpStatus.BAD_REQUEST, "/v1/files/{id}/versions", "XYZ").path("message").asText())
                    .isEqualTo(INVALID_FILE_ID);
        }
    }

    @Nested
    class SingleVersion {

        FileHistory catWithTwoVersions() {
            Instant start = now().minusSeconds(120);
            return FileHistory.uploaded(newFolder() + "cat.jpg", start).versionAdded(start.plusSeconds(60));
        }

        @Test
        void returnsANonCurrentVersionAsFileVersion() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);

            JsonNode version = ok("/v1/files/{id}/versions/{versionId}", cat.id(), cat.versionIdOf(1));

            assertThat(List.of(version.path("type").asText(), version.path("versionInfo").path("name").asText()))
                    .containsExactly("file-version", "Version 1");
        }

        @Test
        void returnsTheCurrentVersionByItsIdAsFile() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);

            JsonNode version = ok("/v1/files/{id}/versions/{versionId}", cat.id(), cat.versionIdOf(2));

            assertThat(List.of(version.path("type").asText(), version.path("versionInfo").path("name").asText()))
                    .containsExactly("file", "Version 2");
        }

        @Test
        void rendersTheSameObjectAsTheVersionList() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);

            JsonNode version = ok("/v1/files/{id}/versions/{versionId}", cat.id(), cat.versionIdOf(1));

            assertThat(version).isEqualTo(ok("/v1/files/{id}/versions", cat.id()).get(0));
        }

        @Test
        void returnsARestoredVersionAsFile() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);
            ok("/v1/files/{id}/versions/{versionId}", cat.id(), cat.versionIdOf(1));
            recorded(cat.versionRestored(1, now()));

            assertThat(ok("/v1/files/{id}/versions/{versionId}", cat.id(), cat.versionIdOf(1)).path("type").asText())
                    .isEqualTo("file");
        }

        @Test
        void showsTheRestoredVersionAsTheFilesDetails() {
            FileHistory cat = catWithTwoVersions().versionRestored(1, now());
            recorded(cat);

            assertThat(ok("/v1/files/{id}/details", cat.id()).path("versionInfo").path("id").asText())
                    .isEqualTo(cat.versionIdOf(1));
        }

        @Test
        void answers404ForAnUnknownVersion() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions/{versionId}", cat.id(), UNKNOWN_ID)
                    .path("message").asText()).isEqualTo(VERSION_NOT_FOUND);
        }

        @Test
        void answers404ForADeletedVersion() {
            FileHistory cat = catWithTwoVersions().versionDeleted(1, now());
            recorded(cat);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions/{versionId}", cat.id(),
                    cat.versionIdOf(1)).path("message").asText()).isEqualTo(VERSION_NOT_FOUND);
        }

        @Test
        void answers404ForAVersionOfAnotherFile() {
            FileHistory cat = catWithTwoVersions();
            FileHistory dog = FileHistory.uploaded(newFolder() + "dog.jpg", now());
            recorded(cat, dog);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions/{versionId}", cat.id(), dog.id())
                    .path("message").asText()).isEqualTo(VERSION_NOT_FOUND);
        }

        @Test
        void answers404ForAnUnknownFile() {
            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions/{versionId}", UNKNOWN_ID, UNKNOWN_ID)
                    .path("message").asText()).isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers404OnceTheFileIsDeleted() {
            FileHistory cat = catWithTwoVersions().fileDeleted(now());
            recorded(cat);

            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/files/{id}/versions/{versionId}", cat.id(),
                    cat.versionIdOf(1)).path("message").asText()).isEqualTo(FILE_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidVersionId() {
            FileHistory cat = catWithTwoVersions();
            recorded(cat);

            assertThat(failing(HttpStatus.BAD_REQUEST, "/v1/files/{id}/versions/{versionId}", cat.id(), "v1")
                    .path("message").asText()).isEqualTo(INVALID_VERSION_ID);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            assertThat(failing(HttpStatus.BAD_REQUEST, "/v1/files/{id}/versions/{versionId}", "nope", UNKNOWN_ID)
                    .path("message").asText()).isEqualTo(INVALID_FILE_ID);
        }
    }

    @Nested
    class Authentication {

        @Test
        void refusesARequestWithoutCredentials() {
            JsonNode error = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                    .get().uri("/v1/files/{id}/details", UNKNOWN_ID).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(error.path("message").asText()).isEqualTo("Your request does not contain private API key.");
        }

        @Test
        void refusesTheListWithoutCredentials() {
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                    .get().uri("/v1/files").exchange()
                    .expectStatus().isUnauthorized();
        }

        @Test
        void refusesAnotherKey() {
            clientAs("private_someone_else").get().uri("/v1/files/{id}/details", UNKNOWN_ID).exchange()
                    .expectStatus().isForbidden();
        }

        @Test
        void ignoresThePassword() {
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .defaultHeaders(headers -> headers.setBasicAuth(PRIVATE_KEY, "anything at all")).build()
                    .get().uri("/v1/files?limit=1").exchange()
                    .expectStatus().isOk();
        }
    }

    @Nested
    class Listing {

        @Test
        void listsCurrentVersionsOfFilesByDefault() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", start).versionAdded(start.plusSeconds(10));
            FileHistory dog = FileHistory.uploaded(folder + "dog.jpg", start.plusSeconds(20));
            recorded(cat, dog);

            eventually(() -> assertThat(list("path", folder)).extracting(
                            file -> file.path("name").asText() + " " + file.path("type").asText() + " "
                                    + file.path("versionInfo").path("name").asText())
                    .containsExactly("cat.jpg file Version 2", "dog.jpg file Version 1"));
        }

        @Test
        void listsNonCurrentVersionsWithTypeFileVersion() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", start)
                    .versionAdded(start.plusSeconds(10))
                    .versionAdded(start.plusSeconds(20));
            FileHistory dog = FileHistory.uploaded(folder + "dog.jpg", start.plusSeconds(30));
            recorded(cat, dog);

            eventually(() -> assertThat(list("path", folder, "type", "file-version")).extracting(
                            file -> file.path("name").asText() + " " + file.path("type").asText() + " "
                                    + file.path("versionInfo").path("name").asText())
                    .containsExactly("cat.jpg file-version Version 1", "cat.jpg file-version Version 2"));
        }

        @Test
        void listsTheFoldersFilesWereUploadedIntoWithTypeFolder() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "photos/cat.jpg", now()),
                    FileHistory.uploaded(folder + "docs/menu.pdf", pdf(5000), FileHistory.BARE, now()),
                    FileHistory.uploaded(folder + "photos/2024/dog.jpg", now()));

            eventually(() -> assertThat(texts(list("type", "folder", "path", folder, "sort", "ASC_NAME"), "folderPath"))
                    .containsExactly(folder + "docs", folder + "photos"));
        }

        @Test
        void rendersAFolderObject() {
            String folder = newFolder();
            Instant uploadedAt = now();
            recorded(FileHistory.uploaded(folder + "photos/cat.jpg", uploadedAt));

            eventually(() -> {
                JsonNode photos = list("type", "folder", "path", folder).get(0);
                assertThat(photos).isNotNull();
                assertThat(List.of(photos.path("type").asText(), photos.path("name").asText(),
                        photos.path("folderPath").asText(), photos.path("createdAt").asText(),
                        String.valueOf(photos.path("folderId").asText().length())))
                        .containsExactly("folder", "photos", folder + "photos", timestamp(uploadedAt), "24");
            });
        }

        @Test
        void listsTheRootsFoldersWithTypeFolderAndNoPath() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "cat.jpg", now()));

            eventually(() -> assertThat(texts(list("type", "folder"), "folderPath"))
                    .contains(folder.substring(0, folder.length() - 1)));
        }

        @Test
        void listsFilesAndFoldersButNoVersionsWithTypeAll() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "cat.jpg", start).versionAdded(start.plusSeconds(10)),
                    FileHistory.uploaded(folder + "photos/dog.jpg", start.plusSeconds(20)));

            eventually(() -> assertThat(list("type", "all", "path", folder, "sort", "ASC_NAME")).extracting(
                            item -> item.path("name").asText() + " " + item.path("type").asText())
                    .containsExactly("cat.jpg file", "photos folder"));
        }

        @Test
        void listsOnlyTheExactFolderWithPath() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "cat.jpg", now()),
                    FileHistory.uploaded(folder + "sub/dog.jpg", now()));

            eventually(() -> assertThat(texts(list("path", folder), "filePath")).containsExactly(folder + "cat.jpg"));
        }

        @Test
        void acceptsAPathWithoutSlashes() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "cat.jpg", now()));

            eventually(() -> assertThat(names(list("path", folder.replace("/", "")))).containsExactly("cat.jpg"));
        }

        @Test
        void showsTheCurrentVersionsDetailsAsTheFileDetailsDo() {
            String folder = newFolder();
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", now().minusSeconds(10)).tagsAdded(now(), "pet");
            recorded(cat);
            JsonNode details = ok("/v1/files/{id}/details", cat.id());

            eventually(() -> assertThat(list("path", folder).get(0)).isEqualTo(details));
        }

        @Test
        void dropsADeletedFile() {
            String folder = newFolder();
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", now().minusSeconds(10));
            FileHistory dog = FileHistory.uploaded(folder + "dog.jpg", now().minusSeconds(5));
            recorded(cat, dog);
            eventually(() -> assertThat(list("path", folder)).hasSize(2));
            recorded(cat.fileDeleted(now()));

            eventually(() -> assertThat(names(list("path", folder))).containsExactly("dog.jpg"));
        }

        @Test
        void dropsEveryVersionOfADeletedFile() {
            String folder = newFolder();
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", now().minusSeconds(10))
                    .versionAdded(now().minusSeconds(5));
            recorded(cat);
            eventually(() -> assertThat(list("path", folder, "type", "file-version")).hasSize(1));
            recorded(cat.fileDeleted(now()));

            eventually(() -> assertThat(list("path", folder, "type", "file-version")).isEmpty());
        }

        @Test
        void findsAMovedFileInItsNewFolder() {
            String from = newFolder();
            String to = newFolder();
            FileHistory cat = FileHistory.uploaded(from + "cat.jpg", now().minusSeconds(10)).moved(to, now());
            recorded(cat);

            eventually(() -> assertThat(texts(list("path", to), "filePath")).containsExactly(to + "cat.jpg"));
        }

        @Test
        void showsARestoredVersionAsTheFile() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            FileHistory cat = FileHistory.uploaded(folder + "cat.jpg", start).versionAdded(start.plusSeconds(10))
                    .versionRestored(1, start.plusSeconds(20));
            recorded(cat);

            eventually(() -> assertThat(versionNames(list("path", folder))).containsExactly("Version 1"));
        }

        @Test
        void filtersImagesWithFileType() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "cat.jpg", now()),
                    FileHistory.uploaded(folder + "menu.pdf", pdf(5000), FileHistory.BARE, now()));

            eventually(() -> assertThat(names(list("path", folder, "fileType", "non-image")))
                    .containsExactly("menu.pdf"));
        }
    }

    @Nested
    class Searching {

        @Test
        void findsFilesWithAnyOfTheTags() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "a.jpg", jpeg(100), tagged("summer"), start),
                    FileHistory.uploaded(folder + "b.jpg", jpeg(100), tagged("winter"), start.plusSeconds(1)),
                    FileHistory.uploaded(folder + "c.jpg", jpeg(100), tagged("banner", "sale"), start.plusSeconds(2)));

            eventually(() -> assertThat(names(list("path", folder,
                    "searchQuery", "tags IN [\"summer\", \"banner\"]"))).containsExactly("a.jpg", "c.jpg"));
        }

        @Test
        void acceptsASearchQueryLongerThanNettysDefaultRequestLine() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "a.jpg", now()), FileHistory.uploaded(folder + "b.jpg", now()));
            String manyNames = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "\"n" + i + ".jpg\"")
                    .collect(java.util.stream.Collectors.joining(", ", "[", ", \"b.jpg\"]"));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name IN " + manyNames)))
                    .containsExactly("b.jpg"));
        }

        @Test
        void refusesASearchWithMoreConditionsThanTheIndexCombines() {
            String names = java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "\"n" + i + "\"")
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));

            JsonNode error = listing("searchQuery", "name IN " + names).expectStatus().isBadRequest()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(error.path("reason").asText()).isEqualTo("TOO_MANY_CONDITIONS");
            assertThat(error.path("message").asText()).isEqualTo("Your request asks for more than 1024 conditions in "
                    + "one search (each value of an IN list or of the tags parameter counts as one).");
        }

        @Test
        void findsFilesByAITags() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "a.jpg", jpeg(100),
                            FileHistory.BARE.withAiTags(List.of(FileHistory.aiTag("beach"))), now()),
                    FileHistory.uploaded(folder + "b.jpg", now()));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "tags IN [\"beach\"]")))
                    .containsExactly("a.jpg"));
        }

        @Test
        void ranksTheBestNameMatchFirst() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "red-shoes.jpg", start),
                    FileHistory.uploaded(folder + "dress.jpg", start.plusSeconds(1)),
                    FileHistory.uploaded(folder + "red-dress.jpg", start.plusSeconds(2)));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name HAS \"red dress\"",
                    "sort", "DESC_RELEVANCE"))).first().isEqualTo("red-dress.jpg"));
        }

        @Test
        void leavesOutNamesWithNoneOfTheWords() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "red-dress.jpg", start),
                    FileHistory.uploaded(folder + "blue-hat.jpg", start.plusSeconds(1)));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name HAS \"red dress\"",
                    "sort", "DESC_RELEVANCE"))).containsExactly("red-dress.jpg"));
        }

        @Test
        void findsTheWordsOfANameInAnyOrder() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "red-dress.jpg", now()));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name HAS \"dress red\"")))
                    .containsExactly("red-dress.jpg"));
        }

        /** Uploads turn spaces into underscores ({@code FileName.sanitise}), so this is how multi-word names arrive. */
        @Test
        void findsAWordOfAnUnderscoredName() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "summer_banner.jpg", now()));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name HAS \"banner\"")))
                    .containsExactly("summer_banner.jpg"));
        }

        @Test
        void findsNamesCaseInsensitivelyWithHas() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "Summer-Banner.jpg", now()));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "name HAS \"summer\"")))
                    .containsExactly("Summer-Banner.jpg"));
        }

        @Test
        void findsNonCurrentVersionsInAFolderAndItsSubfolders() {
            String folder = newFolder();
            String elsewhere = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "a.jpg", start).versionAdded(start.plusSeconds(1)),
                    FileHistory.uploaded(folder + "sub/b.jpg", start.plusSeconds(2)).versionAdded(start.plusSeconds(3)),
                    FileHistory.uploaded(elsewhere + "c.jpg", start.plusSeconds(4)).versionAdded(start.plusSeconds(5)));

            eventually(() -> assertThat(list("searchQuery", "type = \"file-version\" AND path : \"" + folder + "\"",
                    "sort", "ASC_NAME")).extracting(
                            item -> item.path("filePath").asText() + " " + item.path("type").asText() + " "
                                    + item.path("versionInfo").path("name").asText())
                    .containsExactly(folder + "a.jpg file-version Version 1",
                            folder + "sub/b.jpg file-version Version 1"));
        }

        @Test
        void findsOnlyCurrentFilesWhenTheQueryNamesNoType() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "a.jpg", jpeg(5000), FileHistory.BARE, start)
                    .versionAdded(jpeg(6000), FileHistory.BARE, start.plusSeconds(1)));

            eventually(() -> assertThat(texts(list("path", folder, "searchQuery", "size > 1000"), "type"))
                    .containsExactly("file"));
        }

        @Test
        void findsFilesLargerThanASize() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "small.jpg", jpeg(500), FileHistory.BARE, start),
                    FileHistory.uploaded(folder + "large.jpg", jpeg(2000), FileHistory.BARE, start.plusSeconds(1)),
                    FileHistory.uploaded(folder + "edge.jpg", jpeg(1000), FileHistory.BARE, start.plusSeconds(2)));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "size > 1000")))
                    .containsExactly("large.jpg"));
        }

        @Test
        void findsFilesCreatedWithinTheLastDay() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "old.jpg", now().minus(2, ChronoUnit.DAYS)),
                    FileHistory.uploaded(folder + "new.jpg", now().minus(2, ChronoUnit.HOURS)));

            eventually(() -> assertThat(names(list("path", folder, "searchQuery", "createdAt > \"1d\"")))
                    .containsExactly("new.jpg"));
        }

        @Test
        void judgesAFilesCreatedAtByItsFirstUpload() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "old.jpg", now().minus(2, ChronoUnit.DAYS))
                    .versionAdded(now().minus(1, ChronoUnit.HOURS)));

            eventually(() -> assertThat(list("path", folder, "searchQuery", "createdAt < \"1d\"")).hasSize(1));
        }

        @Test
        void ignoresTheTypeParameterNextToASearchQuery() {
            String folder = newFolder();
            recorded(FileHistory.uploaded(folder + "a.jpg", jpeg(5000), FileHistory.BARE, now()));

            eventually(() -> assertThat(texts(list("path", folder, "type", "folder", "searchQuery", "size > 1000"),
                    "type")).containsExactly("file"));
        }

        @Test
        void answers400ForAnInvalidQuery() {
            JsonNode error = listFailing("searchQuery", "size > 1000 AND OR name = \"x\"");

            assertThat(error.path("reason").asText()).isEqualTo("INVALID_SEARCH_QUERY");
        }

        @Test
        void namesTheOffendingTokenAndItsPosition() {
            JsonNode error = listFailing("searchQuery", "size > 1000 AND OR name = \"x\"");

            assertThat(error.path("message").asText()).contains("'OR'").contains("position 16");
        }

        @Test
        void answers400ForAnUnknownField() {
            JsonNode error = listFailing("searchQuery", "colour = \"red\"");

            assertThat(List.of(error.path("reason").asText(), error.path("message").asText().contains("colour")))
                    .containsExactly("INVALID_SEARCH_QUERY", true);
        }

        @Test
        void answers400ForAnUnterminatedString() {
            JsonNode error = listFailing("searchQuery", "name = \"cat.jpg");

            assertThat(error.path("reason").asText()).isEqualTo("INVALID_SEARCH_QUERY");
        }

        @Test
        void answers400ForAnOperatorTheFieldDoesNotHave() {
            JsonNode error = listFailing("searchQuery", "tags > \"a\"");

            assertThat(error.path("reason").asText()).isEqualTo("INVALID_SEARCH_QUERY");
        }
    }

    @Nested
    class SortingAndPaging {

        /** Uploaded in the order b, c, a; sized a < c < b. */
        String folderOfThree() {
            String folder = newFolder();
            Instant start = now().minusSeconds(60);
            recorded(FileHistory.uploaded(folder + "b.jpg", jpeg(300), FileHistory.BARE, start),
                    FileHistory.uploaded(folder + "c.jpg", jpeg(200), FileHistory.BARE, start.plusSeconds(1)),
                    FileHistory.uploaded(folder + "a.jpg", jpeg(100), FileHistory.BARE, start.plusSeconds(2)));
            eventually(() -> assertThat(list("path", folder)).hasSize(3));
            return folder;
        }

        @Test
        void sortsByCreationByDefault() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder))).containsExactly("b.jpg", "c.jpg", "a.jpg");
        }

        @Test
        void sortsByNameAscending() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "sort", "ASC_NAME"))).containsExactly("a.jpg", "b.jpg", "c.jpg");
        }

        @Test
        void sortsByNameDescending() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "sort", "DESC_NAME"))).containsExactly("c.jpg", "b.jpg", "a.jpg");
        }

        @Test
        void sortsBySizeAscending() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "sort", "ASC_SIZE"))).containsExactly("a.jpg", "c.jpg", "b.jpg");
        }

        @Test
        void sortsByCreationDescending() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "sort", "DESC_CREATED"))).containsExactly("a.jpg", "c.jpg", "b.jpg");
        }

        @Test
        void returnsAtMostLimitItems() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "limit", "2"))).containsExactly("b.jpg", "c.jpg");
        }

        @Test
        void skipsTheFirstItems() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "skip", "1"))).containsExactly("c.jpg", "a.jpg");
        }

        @Test
        void pagesWithSkipAndLimit() {
            String folder = folderOfThree();

            assertThat(names(list("path", folder, "sort", "ASC_NAME", "skip", "1", "limit", "1")))
                    .containsExactly("b.jpg");
        }

        @Test
        void returnsNothingPastTheEnd() {
            String folder = folderOfThree();

            assertThat(list("path", folder, "skip", "3")).isEmpty();
        }
    }

    @Nested
    class FolderJobs {

        @Test
        void answers404ForAnUnknownJob() {
            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/bulkJobs/{id}", UNKNOWN_ID).path("message").asText())
                    .isEqualTo("The requested job does not exist.");
        }

        @Test
        void answers404ForAJobIdThatCannotBeOne() {
            assertThat(failing(HttpStatus.NOT_FOUND, "/v1/bulkJobs/{id}", "\u0000").path("message").asText())
                    .isEqualTo("The requested job does not exist.");
        }
    }

    @Nested
    class ListParameterErrors {

        @Test
        void refusesANegativeSkip() {
            assertThat(listFailing("skip", "-1").path("message").asText())
                    .isEqualTo("The value of skip parameter should be greater than or equal to 0. Value sent is -1.");
        }

        @Test
        void refusesALimitOfZero() {
            assertThat(listFailing("limit", "0").path("message").asText())
                    .isEqualTo("Minimum value of limit parameter is 1. Value sent is 0.");
        }

        @Test
        void refusesALimitAboveAThousand() {
            assertThat(listFailing("limit", "2000").path("message").asText())
                    .isEqualTo("Maximum value of limit parameter is 1000. Value sent is 2000.");
        }

        @Test
        void acceptsALimitOfAThousand() {
            listing("limit", "1000").expectStatus().isOk();
        }

        @Test
        void refusesAnUnknownSort() {
            assertThat(listFailing("sort", "ASC_COLOUR").path("message").asText())
                    .isEqualTo("Your request contains invalid value for sort parameters.");
        }

        @Test
        void refusesASortWithoutDirection() {
            assertThat(listFailing("sort", "NAME").path("message").asText())
                    .isEqualTo("Your request contains invalid value for sort parameters.");
        }

        @Test
        void refusesAnUnknownType() {
            assertThat(listFailing("type", "files").path("message").asText())
                    .isEqualTo("Your request contains invalid value for type parameter. Please provide one of the "
                            + "following: file, file-version, folder, all.");
        }

        @Test
        void answersErrorsInImageKitsShape() {
            assertThat(listFailing("skip", "-1").path("help").asText()).isNotBlank();
        }
    }

    @Nested
    class ProjectionReplay {

        PooledStreamingEventProcessor versionHistory() {
            return eventProcessing.eventProcessor("version-history", PooledStreamingEventProcessor.class)
                    .orElseThrow();
        }

        FileHistory eventfulCat() {
            Instant start = now().minusSeconds(600);
            return FileHistory.uploaded(newFolder() + "cat.jpg", jpeg(1000), tagged("pet"), start)
                    .versionAdded(jpeg(2000), tagged("pet"), start.plusSeconds(60))
                    .versionsAppended(2, start, start.plusSeconds(120))
                    .tagsAdded(start.plusSeconds(180), "cute")
                    .detailsUpdated(details -> details.withDescription("a cat").withCustomCoordinates("1,2,3,4"),
                            start.plusSeconds(240))
                    .versionRestored(2, start.plusSeconds(300))
                    .versionDeleted(3, start.plusSeconds(360))
                    .publicationChanged(false, true, start.plusSeconds(420))
                    .renamed("tom.jpg", start.plusSeconds(480));
        }

        /** The version history document of {@code history}, once it reflects the whole history. */
        String projected(FileHistory history) {
            FileRecord record = waitFor("version history of " + history.id(), () -> fileRecords.load(history.id())
                    .filter(r -> r.sequence() == history.lastSequence()));
            return jsonOf(record);
        }

        String jsonOf(FileRecord record) {
            try {
                return json.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Resets the version-history processor to the start of the event stream and waits until it is back at its head. */
        void replayVersionHistory() {
            PooledStreamingEventProcessor processor = versionHistory();
            int segments = processor.processingStatus().size();
            long head = eventStore.createHeadToken().position().orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            awaitPosition(segments, head);
        }

        /**
         * Waits until every segment has processed up to {@code head}. Not "no segment is replaying":
         * a pooled streaming segment that receives no event of its own after the reset point stays
         * flagged as replaying until the next event arrives.
         */
        void awaitPosition(int segments, long head) {
            long deadline = System.nanoTime() + SEARCH_LAG.toNanos();
            Map<Integer, EventTrackerStatus> status = Map.of();
            while (System.nanoTime() < deadline) {
                status = versionHistory().processingStatus();
                if (status.size() == segments && status.values().stream()
                        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)) {
                    return;
                }
                pause(Duration.ofMillis(50));
            }
            throw new AssertionError("the version history replay did not reach " + head + " within " + SEARCH_LAG
                    + ": " + status.values().stream().map(s -> s.getSegment() + " at " + s.getCurrentPosition()
                            + (s.isErrorState() ? " failed: " + s.getError() : "")).toList());
        }

        @Test
        void leavesTheDocumentIdenticalWhenReplayed() {
            FileHistory cat = eventfulCat();
            recorded(cat);
            String before = projected(cat);

            replayVersionHistory();

            assertThat(jsonOf(fileRecords.load(cat.id()).orElseThrow())).isEqualTo(before);
        }

        @Test
        void rebuildsALostDocumentIdentically() {
            FileHistory cat = eventfulCat();
            recorded(cat);
            String before = projected(cat);
            Mono.from(readModels.getCollection("files").deleteOne(Filters.eq("_id", cat.id())))
                    .block(Duration.ofSeconds(10));

            replayVersionHistory();

            assertThat(projected(cat)).isEqualTo(before);
        }

        @Test
        void rebuildsALostTombstone() {
            FileHistory cat = eventfulCat().fileDeleted(now());
            recorded(cat);
            String before = projected(cat);
            Mono.from(readModels.getCollection("files").deleteOne(Filters.eq("_id", cat.id())))
                    .block(Duration.ofSeconds(10));

            replayVersionHistory();

            assertThat(projected(cat)).isEqualTo(before);
        }

        @Test
        void answersTheSameVersionListAfterAReplay() {
            FileHistory cat = eventfulCat();
            recorded(cat);
            JsonNode before = ok("/v1/files/{id}/versions", cat.id());

            replayVersionHistory();

            assertThat(ok("/v1/files/{id}/versions", cat.id())).isEqualTo(before);
        }
    }
}
