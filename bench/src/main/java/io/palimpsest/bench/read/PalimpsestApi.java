package io.palimpsest.bench.read;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of Palimpsest's HTTP API the read benchmark calls, with HTTP Basic auth, over HTTP/1.1. */
final class PalimpsestApi {

    private static final Pattern VERSION_INFO_ID = Pattern.compile("\"versionInfo\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([0-9a-f]{24})\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String management;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    PalimpsestApi(String base, String management, String privateKey) {
        this.base = base;
        this.management = management;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((privateKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** An answer: status and body. */
    record Answer(int status, String body) {

        Answer ok() {
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            return this;
        }

        /** The versionInfo ids of the File objects in the body, in order. */
        List<String> versionIds() {
            List<String> ids = new ArrayList<>();
            Matcher id = VERSION_INFO_ID.matcher(body);
            while (id.find()) {
                ids.add(id.group(1));
            }
            return ids;
        }
    }

    /** {@code GET /v1/files/{fileId}/versions}. */
    Answer versions(String fileId) throws IOException, InterruptedException {
        return get(base + "/v1/files/" + fileId + "/versions");
    }

    /** {@code GET /v1/files} with these query parameters. */
    Answer list(Map<String, String> params) throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(base).append("/v1/files");
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return get(url.toString());
    }

    /** {@code GET /v1/files?searchQuery=...&sort=...&limit=...}. */
    Answer search(String searchQuery, String sort, int limit) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("searchQuery", searchQuery);
        if (sort != null) {
            params.put("sort", sort);
        }
        params.put("limit", String.valueOf(limit));
        return list(params);
    }

    /** What an upload answered: the file and the version it created. */
    record Uploaded(String fileId, String versionId, int versionNumber) {
    }

    /** {@code POST /api/v1/files/upload} of {@code size} bytes onto {@code folder + name}, new content per nonce. */
    Uploaded upload(String folder, String name, int size, long nonce) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/files/upload"))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", SharedHarness.MULTIPART_CONTENT_TYPE)
                .POST(SharedHarness.uploadBody(size, folder, name, nonce))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(response.statusCode(), response.body()).ok();
        JsonNode body = json.readTree(answer.body());
        String versionName = body.path("versionInfo").path("name").asText();
        return new Uploaded(body.path("fileId").asText(), body.path("versionInfo").path("id").asText(),
                Integer.parseInt(versionName.replace("Version ", "")));
    }

    /** {@code jvm.memory.used} for the heap from the management port's actuator, in bytes. */
    long heapUsed() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(management + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(response.statusCode(), response.body()).ok();
        for (JsonNode measurement : json.readTree(answer.body()).path("measurements")) {
            if (measurement.path("statistic").asText().equals("VALUE")) {
                return (long) measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no heap value in " + answer.body());
    }

    private Answer get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
