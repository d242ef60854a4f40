package io.palimpsest.bench.folders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.bench.upload.SharedHarness;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The parts of Palimpsest's HTTP API the folder benchmark calls, with HTTP Basic auth, over HTTP/1.1. */
final class FolderApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final int LIST_LIMIT = 1000;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    FolderApi(String base, String privateKey) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((privateKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /api/v1/files/upload} of {@code size} bytes onto {@code folder + name}, new content per nonce. */
    void upload(String folder, String name, int size, long nonce) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/files/upload"))
                .header("Content-Type", SharedHarness.MULTIPART_CONTENT_TYPE)
                .POST(SharedHarness.uploadBody(size, folder, name, nonce)));
    }

    /** {@code POST /v1/bulkJobs/copyFolder}; returns the job id. */
    String copyFolder(String source, String destination, boolean includeVersions) throws IOException, InterruptedException {
        return post("/v1/bulkJobs/copyFolder", Map.of("sourceFolderPath", source, "destinationPath", destination,
                "includeVersions", includeVersions)).path("jobId").asText();
    }

    /** {@code POST /v1/bulkJobs/moveFolder}; returns the job id. */
    String moveFolder(String source, String destination) throws IOException, InterruptedException {
        return post("/v1/bulkJobs/moveFolder", Map.of("sourceFolderPath", source, "destinationPath", destination))
                .path("jobId").asText();
    }

    /** {@code GET /v1/bulkJobs/{jobId}}: its status. */
    String jobStatus(String jobId) throws IOException, InterruptedException {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(base + "/v1/bulkJobs/" + jobId)).GET()))
                .path("status").asText();
    }

    /** {@code POST /v1/files/copy} of one file. */
    void copyFile(String sourceFilePath, String destinationPath, boolean includeFileVersions)
            throws IOException, InterruptedException {
        post("/v1/files/copy", Map.of("sourceFilePath", sourceFilePath, "destinationPath", destinationPath,
                "includeFileVersions", includeFileVersions));
    }

    /**
     * Files directly in {@code folder} and their versions (the current ones included), counted through
     * {@code GET /v1/files?path=...} with {@code type=file} and {@code type=file-version}, a page of
     * {@value #LIST_LIMIT} at a time.
     */
    Count count(String folder) throws IOException, InterruptedException {
        return new Count(countListed(folder, "file"), countListed(folder, "file-version"));
    }

    record Count(long files, long olderVersions) {
    }

    private long countListed(String folder, String type) throws IOException, InterruptedException {
        long total = 0;
        for (int skip = 0; ; skip += LIST_LIMIT) {
            String url = base + "/v1/files?type=" + type + "&path=" + URLEncoder.encode(folder, StandardCharsets.UTF_8)
                    + "&limit=" + LIST_LIMIT + "&skip=" + skip;
            int page = json.readTree(send(HttpRequest.newBuilder(URI.create(url)).GET())).size();
            total += page;
            if (page < LIST_LIMIT) {
                return total;
            }
        }
    }

    private JsonNode post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return json.readTree(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IllegalStateException(request.build().method() + " " + request.build().uri().getPath() + ": HTTP "
                    + response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
        return response.body();
    }
}
