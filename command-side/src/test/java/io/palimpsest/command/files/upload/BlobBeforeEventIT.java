package io.palimpsest.command.files.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.blobs.BlobStore;
import io.palimpsest.blobs.LocalBlobStore;
import io.palimpsest.blobs.StoredBlob;
import io.palimpsest.platform.testing.TestPostgres;
import io.palimpsest.shared.files.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An upload stores its blob while its command runs, and the command's event commits only once the blob
 * is durable: with the blob store held up, nothing is recorded; with it failing, nothing ever is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobBeforeEventIT {

    static final String PRIVATE_KEY = "private_test_key";

    @LocalServerPort
    int port;

    @Value("${palimpsest.data-dir}")
    Path dataDir;

    @Autowired
    HeldBlobStore blobs;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        Path dataDir = Files.createTempDirectory("palimpsest-it");
        registry.add("palimpsest.data-dir", dataDir::toString);
    }

    @AfterEach
    void release() {
        blobs.release();
        blobs.actRemote(false);
    }

    @Test
    void theEventCommitsOnlyAfterItsBlobIsStored() throws Exception {
        String folder = uniqueFolder();
        uploadOk(folder);

        JsonNode version = uploadHeldUntilReleased(folder);

        assertThat(version.path("versionInfo").path("name").asText()).isEqualTo("Version 2");
    }

    @Test
    void aRemoteBlobIsStoredBeforeTheCommandRuns() throws Exception {
        String folder = uniqueFolder();
        uploadOk(folder);
        blobs.actRemote(true);

        JsonNode version = uploadHeldUntilReleased(folder);

        assertThat(version.path("versionInfo").path("name").asText()).isEqualTo("Version 2");
    }

    @Test
    void aBlobThatCannotBeStoredRecordsNothing() throws Exception {
        String folder = uniqueFolder();
        long events = events();
        blobs.failNextPut();

        upload(folder).expectStatus().is5xxServerError()
                .expectBody().jsonPath("$.message").isNotEmpty();

        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM file_path WHERE path LIKE ?", Long.class, folder + "/%"))
                .isZero();
        try (Stream<Path> staged = Files.list(dataDir.resolve("tmp"))) {
            assertThat(staged).isEmpty();
        }
        // and the uploads after it wait for their blobs as before
        assertThat(uploadHeldUntilReleased(folder).path("versionInfo").path("name").asText()).isEqualTo("Version 1");
    }

    /** Uploads with the blob store held up: nothing commits until it is released, then the upload answers. */
    JsonNode uploadHeldUntilReleased(String folder) throws Exception {
        long events = events();
        blobs.hold();

        CompletableFuture<JsonNode> upload = CompletableFuture.supplyAsync(() -> uploadOk(folder));
        assertThat(blobs.awaitHeldPut()).isTrue();
        // the command runs meanwhile; it must not commit while the blob is not stored
        Thread.sleep(500);
        assertThat(events()).isEqualTo(events);
        assertThat(upload).isNotDone();

        blobs.release();
        JsonNode version = upload.get(30, TimeUnit.SECONDS);
        assertThat(events()).isEqualTo(events + 1);
        return version;
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    static String uniqueFolder() {
        return "/held-" + Long.toHexString(new Random().nextLong());
    }

    WebTestClient.ResponseSpec upload(String folder) {
        byte[] content = new byte[4096];
        new Random().nextBytes(content);
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "held.bin";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        form.part("fileName", "held.bin");
        form.part("folder", folder);
        form.part("useUniqueFileName", "false");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/v1/files/upload")
                .headers(h -> h.setBasicAuth(PRIVATE_KEY, ""))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    JsonNode uploadOk(String folder) {
        return upload(folder).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @TestConfiguration
    static class HeldStore {

        @Bean
        HeldBlobStore blobStore(@Value("${palimpsest.data-dir}") Path dataDir) throws IOException {
            return new HeldBlobStore(new LocalBlobStore(dataDir.resolve("blobs")));
        }
    }

    /** The local store, whose puts a test can hold up or fail. */
    static final class HeldBlobStore implements BlobStore {

        private final BlobStore store;
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile CountDownLatch entered = new CountDownLatch(1);
        private volatile boolean failNext;
        private volatile boolean remote;

        HeldBlobStore(BlobStore store) {
            this.store = store;
        }

        void hold() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        boolean awaitHeldPut() throws InterruptedException {
            return entered.await(30, TimeUnit.SECONDS);
        }

        void release() {
            gate.countDown();
        }

        void failNextPut() {
            failNext = true;
        }

        /** Reports its puts as remote ones (as S3's), which an upload waits for before its command. */
        void actRemote(boolean remote) {
            this.remote = remote;
        }

        @Override
        public void put(ContentHash hash, Path stagedFile) throws IOException {
            entered.countDown();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("held too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (failNext) {
                failNext = false;
                Files.deleteIfExists(stagedFile);
                throw new IOException("disk full (simulated)");
            }
            store.put(hash, stagedFile);
        }

        @Override
        public boolean putsOnLocalDisk() {
            return !remote && store.putsOnLocalDisk();
        }

        @Override
        public InputStream open(ContentHash hash) throws IOException {
            return store.open(hash);
        }

        @Override
        public boolean exists(ContentHash hash) throws IOException {
            return store.exists(hash);
        }

        @Override
        public void delete(ContentHash hash) throws IOException {
            store.delete(hash);
        }

        @Override
        public void forEach(Consumer<StoredBlob> action) throws IOException {
            store.forEach(action);
        }
    }
}
