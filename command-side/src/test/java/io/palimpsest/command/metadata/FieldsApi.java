package io.palimpsest.command.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /v1/customMetadataFields} as an ImageKit client calls it, for integration tests. */
final class FieldsApi {

    static final String PRIVATE_KEY = "private_test_key";

    private final WebTestClient client;

    FieldsApi(int port) {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(headers -> headers.setBasicAuth(PRIVATE_KEY, "do_not_set"))
                .build();
    }

    WebTestClient client() {
        return client;
    }

    /** A field name no other test uses, e.g. {@code price_1a2b3c4d}. */
    static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    WebTestClient.ResponseSpec create(Object body) {
        return client.post().uri("/v1/customMetadataFields").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** Creates a field labelled like its name and answers its id. */
    String created(String name, Map<String, Object> schema) {
        return createdBody(Map.of("name", name, "label", name, "schema", schema)).get("id").asText();
    }

    JsonNode createdBody(Object body) {
        return create(body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec update(String id, Object body) {
        return client.patch().uri("/v1/customMetadataFields/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String id) {
        return client.delete().uri("/v1/customMetadataFields/{id}", id).exchange();
    }

    static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
