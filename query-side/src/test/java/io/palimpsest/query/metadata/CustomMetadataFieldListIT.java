package io.palimpsest.query.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.testing.TestPostgres;
import io.palimpsest.query.QuerySideTestApplication;
import io.palimpsest.query.support.TestMongo;
import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldEvent;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /v1/customMetadataFields} over real HTTP, fed from a real PostgreSQL event store through
 * the {@code custom-metadata-fields} projection into the MongoDB wire server. Events are appended as
 * the write side's aggregate appends them; the list shows them within a bounded lag.
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomMetadataFieldListIT {

    static final Duration LAG = Duration.ofSeconds(10);
    static final Random RANDOM = new Random();

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    WebTestClient client;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        TestMongo.registerFreshDatabase(registry);
        String dataDir = Files.createTempDirectory("palimpsest-fields-list-it").toString();
        registry.add("palimpsest.data-dir", () -> dataDir);
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth("private_test_key", "do_not_set"))
                .build();
    }

    static CustomMetadataFieldId newId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return new CustomMetadataFieldId(HexFormat.of().formatHex(id));
    }

    static FieldName uniqueName(String prefix) {
        return new FieldName(prefix + "_" + Integer.toHexString(RANDOM.nextInt()));
    }

    /** Appends a field's events from sequence {@code first} on, as its aggregate would. */
    void recorded(long first, CustomMetadataFieldEvent... events) {
        List<GenericDomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>("CustomMetadataFieldAggregate", events[i].fieldId().value(),
                    first + i, events[i]));
        }
        transactionManager.executeInTransaction(() -> eventStore.publish(messages));
    }

    JsonNode list(String... query) {
        return client.get().uri(query.length == 0 ? "/v1/customMetadataFields" : "/v1/customMetadataFields?" + query[0])
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode withId(JsonNode fields, CustomMetadataFieldId id) {
        return StreamSupport.stream(fields.spliterator(), false)
                .filter(field -> field.path("id").asText().equals(id.value())).findFirst().orElse(null);
    }

    /** Retries {@code assertion} until it holds or {@link #LAG} has passed; then its last failure. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + LAG.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void listsACreatedFieldInImageKitsShape() {
        CustomMetadataFieldId id = newId();
        FieldName name = uniqueName("price");
        recorded(0, new CustomMetadataFieldCreated(id, name, "Price " + name, new FieldSchema(FieldType.NUMBER,
                new FieldConstraints(List.of(), 2000, false, 1000, 3000.5, null, null)), "in cents", now()));

        eventually(() -> assertThat(String.valueOf(withId(list(), id))).isEqualTo("{\"id\":\"" + id + "\",\"name\":\""
                + name + "\",\"label\":\"Price " + name + "\",\"schema\":{\"type\":\"Number\",\"defaultValue\":2000,"
                + "\"minValue\":1000,\"maxValue\":3000.5},\"description\":\"in cents\"}"));
    }

    @Test
    void showsTheLatestDefinition() {
        CustomMetadataFieldId id = newId();
        FieldName name = uniqueName("size");
        FieldSchema sizes = new FieldSchema(FieldType.MULTI_SELECT,
                new FieldConstraints(List.of("S", "M", true), List.of("S"), true, null, null, null, null));
        recorded(0, new CustomMetadataFieldCreated(id, name, "Size", FieldSchema.of(FieldType.TEXT), null, now()),
                new CustomMetadataFieldUpdated(id, name, "Sizes " + name, sizes, null, now()));

        eventually(() -> {
            JsonNode field = withId(list(), id);
            assertThat(field).isNotNull();
            assertThat(field.get("label").asText()).isEqualTo("Sizes " + name);
            assertThat(field.get("schema").toString()).isEqualTo("{\"type\":\"MultiSelect\",\"selectOptions\":"
                    + "[\"S\",\"M\",true],\"defaultValue\":[\"S\"],\"isValueRequired\":true}");
        });
    }

    @Test
    void listsADeletedFieldOnlyWhenDeletedFieldsAreAskedFor() {
        CustomMetadataFieldId kept = newId();
        CustomMetadataFieldId deleted = newId();
        FieldName deletedName = uniqueName("gone");
        recorded(0, new CustomMetadataFieldCreated(kept, uniqueName("kept"), "Kept " + kept,
                FieldSchema.of(FieldType.BOOLEAN), null, now()));
        recorded(0, new CustomMetadataFieldCreated(deleted, deletedName, "Gone " + deleted,
                FieldSchema.of(FieldType.DATE), null, now()),
                new CustomMetadataFieldDeleted(deleted, deletedName, now()));

        eventually(() -> {
            assertThat(withId(list(), kept)).isNotNull();
            assertThat(withId(list("includeDeleted=true"), deleted)).isNotNull();
        });
        assertThat(withId(list(), deleted)).isNull();
        assertThat(withId(list("includeDeleted=false"), deleted)).isNull();
    }

    @Test
    void listsFieldsInTheOrderTheyWereCreated() {
        Instant start = now();
        CustomMetadataFieldId older = newId();
        CustomMetadataFieldId newer = newId();
        recorded(0, new CustomMetadataFieldCreated(newer, uniqueName("newer"), "Newer " + newer,
                FieldSchema.of(FieldType.TEXT), null, start.plusSeconds(2)));
        recorded(0, new CustomMetadataFieldCreated(older, uniqueName("older"), "Older " + older,
                FieldSchema.of(FieldType.TEXT), null, start.plusSeconds(1)));

        eventually(() -> {
            List<String> ids = StreamSupport.stream(list().spliterator(), false).map(f -> f.get("id").asText())
                    .filter(i -> i.equals(older.value()) || i.equals(newer.value())).toList();
            assertThat(ids).containsExactly(older.value(), newer.value());
        });
    }

    @Test
    void answers401WithoutTheApiKey() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/v1/customMetadataFields").exchange()
                .expectStatus().isUnauthorized();
    }
}
