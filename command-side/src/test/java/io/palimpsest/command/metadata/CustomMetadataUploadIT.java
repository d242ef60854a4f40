package io.palimpsest.command.metadata;

import static io.palimpsest.command.metadata.FieldsApi.PRIVATE_KEY;
import static io.palimpsest.command.metadata.FieldsApi.body;
import static io.palimpsest.command.metadata.FieldsApi.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.platform.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An upload's {@code customMetadata} checked against the custom metadata fields, as ImageKit checks
 * it: over real HTTP on a real PostgreSQL, with fields created through the API just before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomMetadataUploadIT {

    static final String INVALID = "Invalid custom metadata.";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    FieldsApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.registerFreshDatabase(registry);
        String dataDir = Files.createTempDirectory("palimpsest-metadata-upload-it").toString();
        registry.add("palimpsest.data-dir", () -> dataDir);
    }

    @BeforeEach
    void api() {
        api = new FieldsApi(port);
    }

    WebTestClient.ResponseSpec upload(String folder, Map<String, Object> customMetadata) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource("some bytes".getBytes()) {
            @Override
            public String getFilename() {
                return "doc.txt";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        form.part("fileName", "doc.txt");
        form.part("folder", folder);
        form.part("useUniqueFileName", "false");
        form.part("responseFields", "customMetadata");
        try {
            form.part("customMetadata", json.writeValueAsString(customMetadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return api.client().post().uri("/api/v1/files/upload")
                .headers(h -> h.setBasicAuth(PRIVATE_KEY, "do_not_set"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(form.build())
                .exchange();
    }

    /** The refusal's {@code errors} object, after checking it is ImageKit's invalid-custom-metadata 400. */
    JsonNode refused(Map<String, Object> customMetadata) {
        JsonNode error = body(upload(folder(), customMetadata).expectStatus().isBadRequest());
        assertThat(error.get("message").asText()).isEqualTo(INVALID);
        assertThat(error.get("help").asText()).isNotEmpty();
        return error.get("errors");
    }

    static String folder() {
        return "/" + uniqueName("it");
    }

    /** Creates a field and answers its name. */
    String field(String prefix, Map<String, Object> schema) {
        String name = uniqueName(prefix);
        api.created(name, schema);
        return name;
    }

    @Test
    void acceptsAValueOfEveryTypeThatSuitsItsField() {
        Map<String, Object> values = Map.of(
                field("brand", Map.of("type", "Text", "maxLength", 10)), "Nike",
                field("story", Map.of("type", "Textarea", "minLength", 5)), "Once upon a time",
                field("price", Map.of("type", "Number", "minValue", 0, "maxValue", 100)), 99.5,
                field("launch", Map.of("type", "Date", "minValue", "2020-01-01")), "2024-05-01T10:00:00Z",
                field("onSale", Map.of("type", "Boolean")), false,
                field("size", Map.of("type", "SingleSelect", "selectOptions", List.of("S", "M", 40))), 40,
                field("colours", Map.of("type", "MultiSelect", "selectOptions", List.of("red", "blue", true))),
                List.of("red", true));

        JsonNode uploaded = body(upload(folder(), values).expectStatus().isOk());

        values.forEach((name, value) -> assertThat(uploaded.get("customMetadata").get(name).toString())
                .isEqualTo(json.valueToTree(value).toString()));
    }

    @Test
    void refusesAKeyThatIsNoField() {
        assertThat(refused(Map.of("nothing", "x")).get("nothing").asText())
                .isEqualTo("is not a custom metadata field; create the field first");
    }

    @Test
    void refusesAKeyOfADeletedField() {
        String name = uniqueName("retired");
        api.delete(api.created(name, Map.of("type", "Text"))).expectStatus().isNoContent();

        assertThat(refused(Map.of(name, "x")).get(name).asText()).isEqualTo("is a deleted custom metadata field");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        String price = field("price", Map.of("type", "Number"));

        assertThat(refused(Map.of(price, "42")).get(price).asText()).isEqualTo("should be of type number");
    }

    @Test
    void refusesANumberOutOfRange() {
        String price = field("price", Map.of("type", "Number", "minValue", 1000, "maxValue", 3000));

        assertThat(refused(Map.of(price, 3001)).get(price).asText()).isEqualTo("should be less than or equal to 3000");
    }

    @Test
    void refusesADateOutOfRange() {
        String launch = field("launch", Map.of("type", "Date", "maxValue", "2020-12-31T23:59:59Z"));

        assertThat(refused(Map.of(launch, "2021-01-01")).get(launch).asText())
                .isEqualTo("should not be later than 2020-12-31T23:59:59Z");
    }

    @Test
    void refusesATextThatIsTooLong() {
        String sku = field("sku", Map.of("type", "Text", "minLength", 2, "maxLength", 4));

        assertThat(refused(Map.of(sku, "ABCDE")).get(sku).asText()).isEqualTo("should be at most 4 characters long");
    }

    @Test
    void refusesATextThatIsTooShort() {
        String sku = field("sku", Map.of("type", "Text", "minLength", 2));

        assertThat(refused(Map.of(sku, "A")).get(sku).asText()).isEqualTo("should be at least 2 characters long");
    }

    @Test
    void refusesAValueThatIsNoOption() {
        String size = field("size", Map.of("type", "SingleSelect", "selectOptions", List.of("S", "M")));

        assertThat(refused(Map.of(size, "XL")).get(size).asText()).isEqualTo("should be one of the selectOptions: S, M");
    }

    @Test
    void refusesAMultiSelectionWithAValueThatIsNoOption() {
        String colours = field("colours", Map.of("type", "MultiSelect", "selectOptions", List.of("red", "blue")));

        assertThat(refused(Map.of(colours, List.of("red", "green"))).get(colours).asText())
                .isEqualTo("should be an array of values from the selectOptions: red, blue");
    }

    @Test
    void namesEveryOffendingKeyAndStoresNothing() {
        String price = field("price", Map.of("type", "Number"));
        String folder = folder();

        JsonNode errors = body(upload(folder, Map.of(price, true, "unknown", 1)).expectStatus().isBadRequest())
                .get("errors");

        assertThat(errors.size()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM file_path WHERE path = ?", Long.class,
                folder + "/doc.txt")).isZero();
    }

    /**
     * One test for required fields: a required field concerns every upload that sends customMetadata, so
     * it is deleted again before any other test could meet it.
     */
    @Test
    void requiresAValueForARequiredFieldWheneverCustomMetadataIsSent() {
        String brand = field("brand", Map.of("type", "Text"));
        String required = uniqueName("region");
        String id = api.created(required, Map.of("type", "SingleSelect", "selectOptions", List.of("EU", "US"),
                "isValueRequired", true, "defaultValue", "EU"));
        try {
            assertThat(refused(Map.of(brand, "Nike")).get(required).asText()).isEqualTo("is required");
            upload(folder(), Map.of(brand, "Nike", required, "US")).expectStatus().isOk();
        } finally {
            api.delete(id).expectStatus().isNoContent();
        }
    }
}
