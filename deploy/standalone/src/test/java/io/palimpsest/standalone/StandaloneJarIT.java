package io.palimpsest.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.palimpsest.blobs.BlobStorageProperties;
import io.palimpsest.blobs.InProcessS3;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The packaged jar as a user runs it: {@code java -jar} on a data directory, talked to over HTTP by
 * ImageKit's official Node SDK, killed without warning and started again on the same data.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneJarIT {

    private static final String PRIVATE_KEY = "private_standalone_it_key";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration E2E_TIMEOUT = Duration.ofMinutes(5);

    private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path JAR = MODULE_DIR.resolve("target/palimpsest-standalone.jar");
    private static final Path E2E_DIR = MODULE_DIR.resolve("e2e");
    private static final Path LOG_DIR = MODULE_DIR.resolve("target/standalone-it");

    @TempDir
    Path dataDir;

    private final List<StandaloneProcess> started = new ArrayList<>();

    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            started.forEach(process -> System.out.println(process.logTail(200)));
        }
    };

    @AfterEach
    void leaveNoProcessBehind() {
        started.forEach(StandaloneProcess::close);
        StandaloneProcess.stopPostgres(dataDir);
    }

    @Test
    void passesTheNodeSdkEndToEndSuite(TestInfo test) throws Exception {
        StandaloneProcess palimpsest = start(test);
        assertThat(E2E_DIR.resolve("node_modules/@imagekit/nodejs"))
                .as("the e2e suite's dependencies; Maven installs them in pre-integration-test (npm ci)")
                .isDirectory();

        Path output = LOG_DIR.resolve("e2e-node-test.log");
        ProcessBuilder nodeTest = new ProcessBuilder("node", "--test", "--test-reporter=spec", "test/")
                .directory(E2E_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        nodeTest.environment().put("PALIMPSEST_BASE_URL", palimpsest.baseUrl().toString());
        nodeTest.environment().put("PALIMPSEST_PRIVATE_KEY", PRIVATE_KEY);
        nodeTest.environment().put("NO_COLOR", "1");
        Process node = nodeTest.start();
        boolean finished = node.waitFor(E2E_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("----- node --test (e2e/test) -----\n" + report + "----- end of node --test -----");

        assertThat(finished).as("the e2e suite finished within %s", E2E_TIMEOUT).isTrue();
        assertThat(node.exitValue()).as("exit code of node --test").isZero();
    }

    @Test
    void keepsAnAcknowledgedUploadWhenTheProcessIsKilled(TestInfo test) throws Exception {
        String folder = uniqueFolder();
        StandaloneProcess first = start(test);
        JsonNode before = upload(first, folder, "survivor.txt", "before the crash");

        first.crash();
        assertThat(first.runningPostgres()).as("the embedded PostgreSQL outlives a killed JVM: the case a restart must handle")
                .isPresent();

        StandaloneProcess second = start(test);
        JsonNode after = upload(second, folder, "survivor.txt", "after the crash");

        assertThat(after.path("fileId").asText()).isEqualTo(before.path("fileId").asText());
        assertThat(after.path("versionInfo").path("name").asText()).isEqualTo("Version 2");
    }

    /** README: configuring external PostgreSQL, MongoDB or S3 replaces the embedded server or store. */
    @Test
    void usesExternalServersInsteadOfTheEmbeddedOnes(TestInfo test) throws Exception {
        Path s3Directory = Files.createTempDirectory("external-s3");
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             InProcessS3 s3 = InProcessS3.start(s3Directory)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE external");
            }
            BlobStorageProperties.S3 bucket = s3.freshBucket();
            String folder = uniqueFolder();
            StandaloneProcess palimpsest = start(test, Map.of(
                    "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "external"),
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/palimpsest",
                    "PALIMPSEST_STORAGE_S3_ENDPOINT", bucket.endpoint(),
                    "PALIMPSEST_STORAGE_S3_ACCESSKEY", bucket.accessKey(),
                    "PALIMPSEST_STORAGE_S3_SECRETKEY", bucket.secretKey(),
                    "PALIMPSEST_STORAGE_S3_BUCKET", bucket.bucket()));

            JsonNode first = upload(palimpsest, folder, "remote.txt", "first bytes");
            JsonNode second = upload(palimpsest, folder, "remote.txt", "second bytes");

            String fileId = first.path("fileId").asText();
            assertThat(second.path("fileId").asText()).isEqualTo(fileId);
            assertThat(second.path("versionInfo").path("name").asText()).isEqualTo("Version 2");
            assertThat(versionCount(palimpsest, fileId)).as("versions read back from the external MongoDB").isEqualTo(2);
            try (Connection connection = postgres.getDatabase("postgres", "external").getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet events = statement.executeQuery(
                         "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + fileId + "'")) {
                events.next();
                assertThat(events.getInt(1)).as("the file's events in the external PostgreSQL").isEqualTo(2);
            }
            try (Stream<Path> objects = Files.walk(s3Directory.resolve(bucket.bucket()))) {
                assertThat(objects.filter(Files::isRegularFile).count()).as("blobs in the external bucket").isEqualTo(2);
            }
            assertThat(dataDir.resolve("postgres")).as("no embedded PostgreSQL").doesNotExist();
            assertThat(dataDir.resolve("mongo")).as("no embedded MongoDB wire server").doesNotExist();
            assertThat(dataDir.resolve("blobs")).as("no local blob store").doesNotExist();
            palimpsest.stopGracefully();
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void keepsAnUploadAcrossAGracefulStop(TestInfo test) throws Exception {
        String folder = uniqueFolder();
        StandaloneProcess first = start(test);
        JsonNode before = upload(first, folder, "keeper.txt", "before the stop");

        first.stopGracefully();
        assertThat(first.runningPostgres()).as("PostgreSQL stopped together with the application").isEmpty();

        StandaloneProcess second = start(test);
        JsonNode after = upload(second, folder, "keeper.txt", "after the stop");

        assertThat(after.path("fileId").asText()).isEqualTo(before.path("fileId").asText());
        assertThat(after.path("versionInfo").path("name").asText()).isEqualTo("Version 2");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void finishesAFolderJobInterruptedByACrashWithoutDuplicatesOrLosses(TestInfo test) throws Exception {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        int files = 200;
        StandaloneProcess first = start(test);
        for (int i = 0; i < files; i++) {
            upload(first, source + "/part-" + (i % 4), "file-" + i + ".txt", "content " + i);
        }
        String jobId = client(first).post().uri("/v1/bulkJobs/copyFolder")
                .headers(headers -> headers.setBasicAuth(PRIVATE_KEY, ""))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sourceFolderPath", source, "destinationPath", destination))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("jobId").asText();
        Thread.sleep(300);

        first.crash();
        StandaloneProcess second = start(test);

        awaitJobCompleted(second, jobId);
        String copies = "path : \"" + destination + source + "/\"";
        assertThat(eventuallyCount(second, copies, files)).as("copies under the destination").isEqualTo(files);
        assertThat(count(second, "type = \"file-version\" AND " + copies))
                .as("no file was copied twice (a second copy would have become a second version)").isZero();
    }

    private static WebTestClient client(StandaloneProcess palimpsest) {
        return WebTestClient.bindToServer().baseUrl(palimpsest.baseUrl().toString())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static void awaitJobCompleted(StandaloneProcess palimpsest, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("Completed")) {
            Thread.sleep(200);
            status = client(palimpsest).get().uri("/v1/bulkJobs/" + jobId)
                    .headers(headers -> headers.setBasicAuth(PRIVATE_KEY, ""))
                    .exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().path("status").asText();
        }
        assertThat(status).as("job " + jobId).isEqualTo("Completed");
    }

    /** Search trails writes a little: ask until the count is reached (or time runs out), then answer it. */
    private static int eventuallyCount(StandaloneProcess palimpsest, String searchQuery, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int count = count(palimpsest, searchQuery);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            count = count(palimpsest, searchQuery);
        }
        return count;
    }

    private static int count(StandaloneProcess palimpsest, String searchQuery) {
        return client(palimpsest).get()
                .uri(uri -> uri.path("/v1/files").queryParam("searchQuery", "{q}").queryParam("limit", 1000)
                        .build(searchQuery))
                .headers(headers -> headers.setBasicAuth(PRIVATE_KEY, ""))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().size();
    }

    private StandaloneProcess start(TestInfo test) throws InterruptedException {
        return start(test, Map.of());
    }

    private StandaloneProcess start(TestInfo test, Map<String, String> settings) throws InterruptedException {
        String name = test.getTestMethod().map(Method::getName).orElse("standalone");
        Path log = LOG_DIR.resolve(name + "-" + (started.size() + 1) + ".log");
        StandaloneProcess process = StandaloneProcess.start(JAR, dataDir, PRIVATE_KEY, log, settings);
        started.add(process);
        return process.awaitHealthy(START_TIMEOUT);
    }

    private static JsonNode upload(StandaloneProcess palimpsest, String folder, String fileName, String content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.TEXT_PLAIN);
        form.part("fileName", fileName);
        form.part("folder", folder);
        form.part("useUniqueFileName", "false");
        return WebTestClient.bindToServer()
                .baseUrl(palimpsest.baseUrl().toString())
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post().uri("/api/v1/files/upload")
                .headers(headers -> headers.setBasicAuth(PRIVATE_KEY, ""))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static int versionCount(StandaloneProcess palimpsest, String fileId) {
        return client(palimpsest).get().uri("/v1/files/{id}/versions", fileId)
                .headers(headers -> headers.setBasicAuth(PRIVATE_KEY, ""))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().size();
    }

    private static String uniqueFolder() {
        return "/standalone-it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
