package io.palimpsest.command.files.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.blobs.BlobStore;
import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.platform.testing.TestPostgres;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.util.MultiValueMap;

/**
 * {@code POST /api/v1/files/upload} as a client sees it, over real HTTP, on a real PostgreSQL. Each
 * subclass runs it against one blob store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UploadBehaviour {

    static final String PRIVATE_KEY = "private_test_key";
    static final String PUBLIC_KEY = "public_test_key";

    @Value("${palimpsest.data-dir}")
    Path dataDir;

    @LocalServerPort
    int port;

    @Autowired
    BlobStore blobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilePathRegistry paths;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        // not a JUnit @TempDir: Spring caches the context beyond the lifetime of one test class
        Path dataDir = Files.createTempDirectory("palimpsest-it");
        registry.add("palimpsest.data-dir", dataDir::toString);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    static MultipartBodyBuilder form(String fileName, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        form.part("fileName", fileName);
        return form;
    }

    WebTestClient.ResponseSpec upload(MultipartBodyBuilder form) {
        return client().post().uri("/api/v1/files/upload")
                .headers(h -> h.setBasicAuth(PRIVATE_KEY, "do_not_set"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    JsonNode uploadOk(MultipartBodyBuilder form) {
        return upload(form).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static String uniqueFolder() {
        return "/it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long blobCount() throws IOException {
        List<Object> seen = new ArrayList<>();
        blobs.forEach(seen::add);
        return seen.size();
    }

    long stagedFiles() throws IOException {
        Path staging = dataDir.resolve("tmp");
        if (!Files.exists(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.count();
        }
    }

    @Nested
    class Versioning {

        @Test
        void createsANewFileAsVersionOne() {
            JsonNode body = uploadOk(form("cat.bin", randomBytes(2048)));

            assertThat(body.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
            assertThat(body.get("versionInfo").get("id").asText()).isEqualTo(body.get("fileId").asText());
        }

        @Test
        void givesAUniqueNameByDefault() {
            JsonNode body = uploadOk(form("cat.bin", randomBytes(16)));

            assertThat(body.get("name").asText()).matches("cat_[A-Za-z0-9]{9}\\.bin");
        }

        @Test
        void turnsASecondUploadToTheSamePathIntoVersionTwoOfTheSameFile() {
            String folder = uniqueFolder();
            MultipartBodyBuilder first = form("photo.bin", randomBytes(100));
            first.part("folder", folder);
            first.part("useUniqueFileName", "false");
            MultipartBodyBuilder second = form("photo.bin", randomBytes(100));
            second.part("folder", folder);
            second.part("useUniqueFileName", "false");

            JsonNode v1 = uploadOk(first);
            JsonNode v2 = uploadOk(second);

            assertThat(v2.get("fileId").asText()).isEqualTo(v1.get("fileId").asText());
            assertThat(v2.get("versionInfo").get("name").asText()).isEqualTo("Version 2");
            assertThat(v2.get("versionInfo").get("id").asText()).isNotEqualTo(v1.get("versionInfo").get("id").asText());
            assertThat(v2.get("filePath").asText()).isEqualTo(folder + "/photo.bin");
        }

        /** What another node's rename or delete leaves in this node's memory of paths. */
        @Test
        void findsTheFileAtAPathWhenTheRememberedOneHasMovedAway() {
            String folder = uniqueFolder();
            JsonNode a = uploadOk(pinned(folder, "a.bin"));
            JsonNode b = uploadOk(pinned(folder, "b.bin"));
            paths.remember(FilePath.parse(folder + "/a.bin"), new FileId(b.get("fileId").asText()));
            paths.remember(FilePath.parse(folder + "/c.bin"), new FileId(b.get("fileId").asText()));

            JsonNode a2 = uploadOk(pinned(folder, "a.bin"));
            JsonNode c = uploadOk(pinned(folder, "c.bin"));

            assertThat(a2.get("fileId").asText()).isEqualTo(a.get("fileId").asText());
            assertThat(a2.get("versionInfo").get("name").asText()).isEqualTo("Version 2");
            assertThat(c.get("fileId").asText()).isNotEqualTo(b.get("fileId").asText());
            assertThat(c.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
            assertThat(c.get("filePath").asText()).isEqualTo(folder + "/c.bin");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM content_reference WHERE file_id = ?", Long.class,
                    b.get("fileId").asText())).isEqualTo(1);
        }

        @Test
        void acceptsOverwriteFileFalseOnAPathRememberedButFree() {
            String folder = uniqueFolder();
            JsonNode b = uploadOk(pinned(folder, "b.bin"));
            paths.remember(FilePath.parse(folder + "/free.bin"), new FileId(b.get("fileId").asText()));
            MultipartBodyBuilder free = pinned(folder, "free.bin");
            free.part("overwriteFile", "false");

            JsonNode body = uploadOk(free);

            assertThat(body.get("fileId").asText()).isNotEqualTo(b.get("fileId").asText());
        }

        private MultipartBodyBuilder pinned(String folder, String name) {
            MultipartBodyBuilder form = form(name, randomBytes(64));
            form.part("folder", folder);
            form.part("useUniqueFileName", "false");
            return form;
        }

        @Test
        void refusesToOverwriteWhenOverwriteFileIsFalse() {
            String folder = uniqueFolder();
            MultipartBodyBuilder first = form("doc.txt", "one".getBytes());
            first.part("folder", folder);
            first.part("useUniqueFileName", "false");
            uploadOk(first);
            MultipartBodyBuilder second = form("doc.txt", "two".getBytes());
            second.part("folder", folder);
            second.part("useUniqueFileName", "false");
            second.part("overwriteFile", "false");

            upload(second).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(UploadService.FILE_EXISTS)
                    .jsonPath("$.help").exists();
        }

        @Test
        void keepsTagsOfThePreviousVersionWhenOverwriteTagsIsFalse() {
            String folder = uniqueFolder();
            MultipartBodyBuilder first = form("t.txt", "one".getBytes());
            first.part("folder", folder);
            first.part("useUniqueFileName", "false");
            first.part("tags", "summer,sale");
            uploadOk(first);
            MultipartBodyBuilder second = form("t.txt", "two".getBytes());
            second.part("folder", folder);
            second.part("useUniqueFileName", "false");
            second.part("overwriteTags", "false");
            second.part("responseFields", "tags");

            JsonNode body = uploadOk(second);

            assertThat(body.get("tags").toString()).isEqualTo("[\"summer\",\"sale\"]");
        }

        @Test
        void makesConcurrentFirstUploadsOfOnePathOneFileWithOneVersionEach() throws Exception {
            String folder = uniqueFolder();
            int racers = 6;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Callable<JsonNode>> uploads = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    MultipartBodyBuilder form = form("race.bin", randomBytes(4096));
                    form.part("folder", folder);
                    form.part("useUniqueFileName", "false");
                    uploads.add(() -> uploadOk(form));
                }
                List<JsonNode> results = new ArrayList<>();
                for (Future<JsonNode> result : pool.invokeAll(uploads)) {
                    results.add(result.get());
                }

                assertThat(results).extracting(r -> r.get("fileId").asText()).containsOnly(
                        results.get(0).get("fileId").asText());
                assertThat(results).extracting(r -> r.get("versionInfo").get("name").asText())
                        .containsExactlyInAnyOrder("Version 1", "Version 2", "Version 3", "Version 4", "Version 5",
                                "Version 6");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM file_path WHERE path = ?", Long.class,
                        folder + "/race.bin")).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Content {

        @Test
        void storesIdenticalBytesOnce() throws IOException {
            byte[] bytes = randomBytes(5000);
            long before = blobCount();

            uploadOk(form("a.bin", bytes));
            uploadOk(form("b.bin", bytes));

            assertThat(blobCount()).isEqualTo(before + 1);
        }

        @Test
        void detectsImageTypeAndDimensions() throws IOException {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            MultipartBodyBuilder form = form("pixel.png", png.toByteArray());
            form.part("responseFields", "metadata,isPrivateFile,isPublished");

            JsonNode body = uploadOk(form);

            assertThat(body.get("fileType").asText()).isEqualTo("image");
            assertThat(body.get("width").asInt()).isEqualTo(40);
            assertThat(body.get("height").asInt()).isEqualTo(30);
            assertThat(body.get("metadata").get("hasTransparency").asBoolean()).isTrue();
            assertThat(body.get("thumbnailUrl").asText()).contains("tr:n-ik_ml_thumbnail");
            assertThat(body.get("isPrivateFile").asBoolean()).isFalse();
            assertThat(body.get("isPublished").asBoolean()).isTrue();
        }

        @Test
        void acceptsTheFileAsBase64() {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", Base64.getEncoder().encodeToString("hello base64".getBytes()));
            form.part("fileName", "hello.txt");

            JsonNode body = uploadOk(form);

            assertThat(body.get("size").asLong()).isEqualTo("hello base64".length());
        }

        @Test
        void acceptsTheFileAsADataUri() {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", "data:text/plain;base64," + Base64.getEncoder().encodeToString("hi".getBytes()));
            form.part("fileName", "hi.txt");

            JsonNode body = uploadOk(form);

            assertThat(body.get("size").asLong()).isEqualTo(2);
            assertThat(body.get("fileType").asText()).isEqualTo("non-image");
        }

        @Test
        void refusesToFetchFromALoopbackUrl() {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", "http://127.0.0.1:" + port + "/anything");
            form.part("fileName", "remote.bin");

            upload(form).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("private"));
        }
    }

    @Nested
    class Checks {

        @Test
        void storesAnUploadThatPassesItsChecks() throws IOException {
            String folder = uniqueFolder();
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            MultipartBodyBuilder form = form("wide.png", png.toByteArray());
            form.part("folder", folder + "/banners");
            form.part("checks", "\"request.folder\" : \"" + folder + "/\" AND \"file.mime\" IN [\"image/png\", "
                    + "\"image/jpeg\"] AND \"file.size\" < \"1mb\" AND \"file.width\" >= 40");

            JsonNode body = uploadOk(form);

            assertThat(body.get("filePath").asText()).startsWith(folder + "/banners/wide");
        }

        @Test
        void refusesAnUploadThatFailsItsChecksAndStoresNothing() throws IOException {
            String folder = uniqueFolder();
            MultipartBodyBuilder first = form("notes.bin", randomBytes(100));
            first.part("folder", folder);
            first.part("useUniqueFileName", "false");
            String fileId = uploadOk(first).get("fileId").asText();
            long blobsBefore = blobCount();
            MultipartBodyBuilder tooBig = form("notes.bin", randomBytes(5000));
            tooBig.part("folder", folder);
            tooBig.part("useUniqueFileName", "false");
            tooBig.part("checks", "\"file.size\" < \"1kb\"");

            upload(tooBig).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo("Your request failed 'checks' validation.");

            assertThat(blobCount()).isEqualTo(blobsBefore);
            assertThat(stagedFiles()).isZero();
            MultipartBodyBuilder next = form("notes.bin", randomBytes(100));
            next.part("folder", folder);
            next.part("useUniqueFileName", "false");
            JsonNode version = uploadOk(next);
            assertThat(version.get("fileId").asText()).isEqualTo(fileId);
            assertThat(version.get("versionInfo").get("name").asText()).isEqualTo("Version 2");
        }

        @Test
        void refusesChecksThatDoNotParseAndNamesWhere() throws IOException {
            String folder = uniqueFolder();
            MultipartBodyBuilder form = form("notes.bin", randomBytes(100));
            form.part("folder", folder);
            form.part("useUniqueFileName", "false");
            form.part("checks", "\"file.size\" <");

            upload(form).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.message").isEqualTo("Your request contains invalid syntax for the checks parameter.")
                    .jsonPath("$.detail").isEqualTo("checks end too early at position 13");

            assertThat(paths.fileAt(new FilePath(FolderPath.parse(folder), new FileName("notes.bin")))).isEmpty();
            assertThat(stagedFiles()).isZero();
        }
    }

    @Nested
    class BadInput {

        @Test
        void refusesAMissingFile() {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("fileName", "nothing.txt");

            upload(form).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo("Missing file parameter for upload.");
        }

        @Test
        void refusesAMissingFileNameAndLeavesNothingStaged() throws IOException {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", new ByteArrayResource(randomBytes(300_000)) {
                @Override
                public String getFilename() {
                    return "x.bin";
                }
            });

            upload(form).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo("Missing fileName parameter for upload.");
            assertThat(stagedFiles()).isZero();
        }

        @Test
        void refusesParentDirectoryInTheFileName() {
            upload(form("../../etc/passwd", "x".getBytes())).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.reason").isEqualTo("INVALID_FILE_NAME");
        }

        @Test
        void refusesControlCharactersInTheFileName() {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", Base64.getEncoder().encodeToString("x".getBytes()));
            form.part("fileName", "bad\u0007name.txt");

            upload(form).expectStatus().isBadRequest();
        }

        @Test
        void refusesParentDirectoryInTheFolder() {
            MultipartBodyBuilder form = form("ok.txt", "x".getBytes());
            form.part("folder", "/a/../../b");

            upload(form).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.reason").isEqualTo("INVALID_FOLDER_PATH");
        }

        @Test
        void refusesAMalformedBoolean() {
            MultipartBodyBuilder form = form("ok.txt", "x".getBytes());
            form.part("useUniqueFileName", "yes");

            upload(form).expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                    .value(m -> assertThat((String) m).contains("useUniqueFileName"));
        }

        @Test
        void refusesMalformedCustomMetadata() {
            MultipartBodyBuilder form = form("ok.txt", "x".getBytes());
            form.part("customMetadata", "{not json");

            upload(form).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo("Invalid custom metadata.");
        }

        @Test
        void refusesAFileOverTheSizeLimitAndKeepsNothing() throws IOException {
            long blobsBefore = blobCount();

            upload(form("big.bin", randomBytes(1024 * 1024 + 1))).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.reason").isEqualTo("FILE_TOO_LARGE");

            assertThat(blobCount()).isEqualTo(blobsBefore);
            assertThat(stagedFiles()).isZero();
        }
    }

    @Nested
    class Authentication {

        @Test
        void answers401WithoutCredentials() {
            client().post().uri("/api/v1/files/upload").contentType(MediaType.MULTIPART_FORM_DATA)
                    .bodyValue(form("a.txt", "x".getBytes()).build()).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.message").isEqualTo("Your request does not contain private API key.");
        }

        @Test
        void answers403ForAWrongPrivateKey() {
            client().post().uri("/api/v1/files/upload").headers(h -> h.setBasicAuth("private_wrong", ""))
                    .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form("a.txt", "x".getBytes()).build())
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().exists("x-ik-requestId");
        }

        @Test
        void acceptsASignedClientSideUploadOnlyOnce() {
            MultipartBodyBuilder form = signed(form("client.txt", "x".getBytes()), UUID.randomUUID().toString(),
                    Instant.now().plusSeconds(600).getEpochSecond());
            MultiValueMap<String, ?> body = form.build();

            clientSide(body).expectStatus().isOk();
            clientSide(body).expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                    .value(m -> assertThat((String) m).contains("token has already been used"));
        }

        @Test
        void refusesAWrongSignature() {
            MultipartBodyBuilder form = form("client.txt", "x".getBytes());
            form.part("publicKey", PUBLIC_KEY);
            form.part("token", UUID.randomUUID().toString());
            form.part("expire", String.valueOf(Instant.now().plusSeconds(600).getEpochSecond()));
            form.part("signature", "00".repeat(20));

            clientSide(form.build()).expectStatus().isForbidden();
        }

        @Test
        void refusesAnExpiredSignature() {
            MultipartBodyBuilder form = signed(form("client.txt", "x".getBytes()), UUID.randomUUID().toString(),
                    Instant.now().minusSeconds(5).getEpochSecond());

            clientSide(form.build()).expectStatus().isBadRequest();
        }

        @Test
        void refusesBothPrivateKeyAndSignature() {
            MultipartBodyBuilder form = signed(form("client.txt", "x".getBytes()), UUID.randomUUID().toString(),
                    Instant.now().plusSeconds(600).getEpochSecond());

            upload(form).expectStatus().isBadRequest();
        }

        private WebTestClient.ResponseSpec clientSide(MultiValueMap<String, ?> body) {
            return client().post().uri("/api/v1/files/upload").contentType(MediaType.MULTIPART_FORM_DATA)
                    .bodyValue(body).exchange();
        }

        private MultipartBodyBuilder signed(MultipartBodyBuilder form, String token, long expire) {
            form.part("publicKey", PUBLIC_KEY);
            form.part("token", token);
            form.part("expire", String.valueOf(expire));
            form.part("signature", hmacSha1(token + expire));
            return form;
        }
    }

    @Nested
    class ErrorShape {

        @Test
        void answersUnknownRoutesWithImageKitsErrorShape() {
            client().get().uri("/v1/nothing-here").headers(h -> h.setBasicAuth(PRIVATE_KEY, ""))
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.message").exists().jsonPath("$.help").exists();
        }

        @Test
        void answersARequestLineOverItsLimitWithImageKitsErrorShape() throws IOException {
            String answer = rawRequest("GET /v1/files?searchQuery=" + "a".repeat(70 * 1024) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 414 ").contains("content-type: application/json")
                    .contains("\"message\":\"Your request URL is too long.").contains("\"help\":");
        }

        @Test
        void answersHeadersOverTheirLimitWithImageKitsErrorShape() throws IOException {
            String answer = rawRequest("GET /v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Padding: " + "b".repeat(16 * 1024) + "\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 431 ").contains("\"message\":\"Your request headers are too large.");
        }

        @Test
        void leavesEmptyAnswersOfItsOwnAlone() throws IOException {
            String answer = rawRequest("HEAD /v1/files/not-an-id/details HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString((PRIVATE_KEY + ":").getBytes(StandardCharsets.UTF_8))
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).doesNotContain("Your request could not be read as HTTP.");
        }

        /** Sends bytes as they are and reads the answer until the server closes the connection. */
        private String rawRequest(String request) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static String hmacSha1(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(PRIVATE_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
