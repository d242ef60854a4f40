package io.palimpsest.command.metadata;

import static io.palimpsest.command.metadata.FieldErrorTranslator.DELETED;
import static io.palimpsest.command.metadata.FieldErrorTranslator.INVALID_FIELD;
import static io.palimpsest.command.metadata.FieldErrorTranslator.LABEL_TAKEN;
import static io.palimpsest.command.metadata.FieldErrorTranslator.NAME_TAKEN;
import static io.palimpsest.command.metadata.FieldErrorTranslator.NOT_FOUND;
import static io.palimpsest.command.metadata.FieldsApi.body;
import static io.palimpsest.command.metadata.FieldsApi.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST / PATCH / DELETE /v1/customMetadataFields} as a client sees them, over real HTTP, on a
 * real PostgreSQL: shapes and status codes of ImageKit's API, and its naming rules under races.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomMetadataFieldsIT {

    static final String UNKNOWN_ID = "0123456789abcdef01234567";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    FieldsApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        String dataDir = Files.createTempDirectory("palimpsest-fields-it").toString();
        registry.add("palimpsest.data-dir", () -> dataDir);
    }

    @BeforeEach
    void api() {
        api = new FieldsApi(port);
    }

    static Map<String, Object> field(String name, String label, Map<String, Object> schema) {
        return Map.of("name", name, "label", label, "schema", schema);
    }

    static Map<String, Object> numberSchema() {
        return Map.of("type", "Number", "minValue", 1000, "maxValue", 3000);
    }

    @Nested
    class Creating {

        @Test
        void answers201WithTheFieldInImageKitsShape() {
            String name = uniqueName("price");

            JsonNode field = api.createdBody(field(name, name, numberSchema()));

            assertThat(field.get("id").asText()).matches("[0-9a-f]{24}");
            assertThat(field.get("name").asText()).isEqualTo(name);
            assertThat(field.get("label").asText()).isEqualTo(name);
            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"Number\",\"minValue\":1000,\"maxValue\":3000}");
            assertThat(field.has("description")).isFalse();
        }

        @Test
        void keepsOptionsDefaultRequirednessAndDescription() {
            String name = uniqueName("size");

            JsonNode field = api.createdBody(Map.of("name", name, "label", name, "description", "T-shirt size",
                    "schema", Map.of("type", "SingleSelect", "selectOptions", List.of("S", "M", 40, true),
                            "defaultValue", "M", "isValueRequired", true)));

            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"SingleSelect\",\"selectOptions\":"
                    + "[\"S\",\"M\",40,true],\"defaultValue\":\"M\",\"isValueRequired\":true}");
            assertThat(field.get("description").asText()).isEqualTo("T-shirt size");
        }

        @Test
        void refusesAnUnsoundDefinitionNamingEveryBrokenRule() {
            String name = uniqueName("brand");

            JsonNode error = body(api.create(field(name, name, Map.of("type", "Text", "minValue", 1, "maxLength", 0)))
                    .expectStatus().isBadRequest());

            assertThat(error.get("message").asText()).isEqualTo(INVALID_FIELD);
            assertThat(error.get("help").asText()).isNotEmpty();
            assertThat(error.get("errors").toString())
                    .isEqualTo("{\"minValue\":\"not allowed for this type\",\"maxLength\":\"should be at least 1\"}");
        }

        @Test
        void refusesAnUnknownType() {
            JsonNode error = body(api.create(field(uniqueName("x"), "x", Map.of("type", "Colour"))).expectStatus()
                    .isBadRequest());

            assertThat(error.get("errors").get("type").asText())
                    .isEqualTo("should be one of Text, Textarea, Number, Date, Boolean, SingleSelect, MultiSelect");
        }

        @Test
        void refusesAPropertyTheSchemaDoesNotHave() {
            JsonNode error = body(api.create(field(uniqueName("x"), "x", Map.of("type", "Text", "pattern", ".*")))
                    .expectStatus().isBadRequest());

            assertThat(error.get("errors").get("pattern").asText()).isEqualTo("is not a schema property");
        }

        @Test
        void refusesANameThatIsNoIdentifier() {
            JsonNode error = body(api.create(field("brand name", "Brand", Map.of("type", "Text"))).expectStatus()
                    .isBadRequest());

            assertThat(error.get("errors").get("name").asText()).startsWith("should start with a letter");
        }

        @Test
        void refusesAMissingSchema() {
            JsonNode error = body(api.create(Map.of("name", uniqueName("x"), "label", "x")).expectStatus()
                    .isBadRequest());

            assertThat(error.get("errors").get("schema").asText()).isEqualTo("is required");
        }

        @Test
        void refusesABodyThatIsNoJson() {
            api.client().post().uri("/v1/customMetadataFields").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{name: ").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").exists();
        }

        @Test
        void refusesANameInUse() {
            String name = uniqueName("sku");
            api.created(name, Map.of("type", "Text"));

            api.create(field(name, uniqueName("label"), Map.of("type", "Text"))).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(NAME_TAKEN);
        }

        @Test
        void neverReusesTheNameOfADeletedField() {
            String name = uniqueName("sku");
            api.delete(api.created(name, Map.of("type", "Text"))).expectStatus().isNoContent();

            api.create(field(name, uniqueName("label"), Map.of("type", "Number"))).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(NAME_TAKEN);
        }

        @Test
        void refusesALabelInUse() {
            String label = uniqueName("Label");
            api.createdBody(field(uniqueName("a"), label, Map.of("type", "Text")));

            api.create(field(uniqueName("b"), label, Map.of("type", "Text"))).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(LABEL_TAKEN);
        }

        @Test
        void givesTheLabelOfADeletedFieldToANewOne() {
            String label = uniqueName("Label");
            String first = api.createdBody(field(uniqueName("a"), label, Map.of("type", "Text"))).get("id").asText();
            api.delete(first).expectStatus().isNoContent();

            api.create(field(uniqueName("b"), label, Map.of("type", "Text"))).expectStatus().isCreated();
        }

        @Test
        void makesConcurrentCreationsOfOneNameOneField() throws Exception {
            String name = uniqueName("race");
            int racers = 6;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Callable<Integer>> creations = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    Map<String, Object> body = field(name, name + "_" + i, Map.of("type", "Text"));
                    creations.add(() -> api.create(body).returnResult(JsonNode.class).getStatus().value());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(creations)) {
                    statuses.add(status.get());
                }

                assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM custom_metadata_field WHERE name = ?",
                        Long.class, name)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%CustomMetadataFieldCreated' AND convert_from(payload, 'UTF8')"
                        + " LIKE ?", Long.class, "%\"" + name + "\"%")).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void answers401WithoutTheApiKey() {
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                    .post().uri("/v1/customMetadataFields").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(field(uniqueName("x"), "x", Map.of("type", "Text"))).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Nested
    class Updating {

        @Test
        void relabelsAFieldAndAnswersWithIt() {
            String name = uniqueName("price");
            String id = api.created(name, numberSchema());

            JsonNode field = body(api.update(id, Map.of("label", "Net price " + name)).expectStatus().isOk());

            assertThat(field.get("id").asText()).isEqualTo(id);
            assertThat(field.get("name").asText()).isEqualTo(name);
            assertThat(field.get("label").asText()).isEqualTo("Net price " + name);
            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"Number\",\"minValue\":1000,\"maxValue\":3000}");
        }

        @Test
        void changesTheRulesSentKeepsTheOthersAndIgnoresTheType() {
            String id = api.created(uniqueName("price"), numberSchema());

            JsonNode field = body(api.update(id, Map.of("schema", Map.of("type", "Text", "maxValue", 5000)))
                    .expectStatus().isOk());

            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"Number\",\"minValue\":1000,\"maxValue\":5000}");
        }

        @Test
        void removesARuleSentAsNull() {
            String id = api.created(uniqueName("price"), numberSchema());
            Map<String, Object> schema = new java.util.HashMap<>();
            schema.put("maxValue", null);

            JsonNode field = body(api.update(id, Map.of("schema", schema)).expectStatus().isOk());

            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"Number\",\"minValue\":1000}");
        }

        @Test
        void setsAndClearsTheDescription() {
            String id = api.created(uniqueName("price"), numberSchema());

            assertThat(body(api.update(id, Map.of("description", "in cents")).expectStatus().isOk())
                    .get("description").asText()).isEqualTo("in cents");
            assertThat(body(api.update(id, Map.of("description", "")).expectStatus().isOk()).has("description"))
                    .isFalse();
        }

        @Test
        void refusesAnUnsoundResult() {
            String id = api.created(uniqueName("price"), numberSchema());

            JsonNode error = body(api.update(id, Map.of("schema", Map.of("minValue", 4000))).expectStatus()
                    .isBadRequest());

            assertThat(error.get("message").asText()).isEqualTo(INVALID_FIELD);
            assertThat(error.get("errors").get("minValue").asText()).isEqualTo("should not be greater than maxValue");
        }

        @Test
        void refusesRenaming() {
            String id = api.created(uniqueName("price"), numberSchema());

            api.update(id, Map.of("name", "cost")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(FieldJson.NAME_IMMUTABLE);
        }

        @Test
        void refusesAnEditWithNothingInIt() {
            String id = api.created(uniqueName("price"), numberSchema());

            api.update(id, Map.of()).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(FieldJson.NOTHING_TO_UPDATE);
        }

        @Test
        void refusesTheLabelOfAnotherField() {
            String taken = uniqueName("taken");
            api.created(taken, Map.of("type", "Text"));
            String id = api.created(uniqueName("other"), Map.of("type", "Text"));

            api.update(id, Map.of("label", taken)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(LABEL_TAKEN);
        }

        @Test
        void refusesToEditADeletedField() {
            String id = api.created(uniqueName("gone"), Map.of("type", "Text"));
            api.delete(id).expectStatus().isNoContent();

            api.update(id, Map.of("label", "back")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(DELETED);
        }

        @Test
        void answers404ForAnUnknownField() {
            api.update(UNKNOWN_ID, Map.of("label", "x")).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.message").isEqualTo(NOT_FOUND);
        }

        @Test
        void answers400ForAMalformedId() {
            api.update("not-an-id", Map.of("label", "x")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isEqualTo(CustomMetadataFieldController.INVALID_ID);
        }
    }

    @Nested
    class Deleting {

        @Test
        void answers204AndKeepsTheFieldAsDeleted() {
            String name = uniqueName("gone");
            String id = api.created(name, Map.of("type", "Text"));

            api.delete(id).expectStatus().isNoContent().expectBody().isEmpty();

            assertThat(jdbc.queryForObject("SELECT deleted FROM custom_metadata_field WHERE field_id = ?",
                    Boolean.class, id)).isTrue();
        }

        @Test
        void answers404ForAFieldDeletedAlready() {
            String id = api.created(uniqueName("gone"), Map.of("type", "Text"));
            api.delete(id).expectStatus().isNoContent();

            api.delete(id).expectStatus().isNotFound().expectBody().jsonPath("$.message").isEqualTo(NOT_FOUND);
        }

        @Test
        void answers404ForAnUnknownField() {
            api.delete(UNKNOWN_ID).expectStatus().isNotFound().expectBody().jsonPath("$.message").isEqualTo(NOT_FOUND);
        }
    }
}
