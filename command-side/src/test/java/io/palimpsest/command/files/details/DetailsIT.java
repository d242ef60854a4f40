package io.palimpsest.command.files.details;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.WriteApiBehaviour;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code PATCH /v1/files/{fileId}/details} (spec §3.3): details, publication, and what is refused. */
class DetailsIT extends WriteApiBehaviour {

    /** Custom metadata must name defined fields; these tests edit brand, colour and size. */
    @BeforeEach
    void defineCustomMetadataFields() {
        define("brand", "Text");
        define("colour", "Text");
        define("size", "Number");
    }

    private void define(String name, String type) {
        // 201 the first time; 400 "already exists" afterwards, which is as good
        client().post().uri("/v1/customMetadataFields").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "label", name, "schema", Map.of("type", type)))
                .exchange().expectBody().returnResult();
    }

    @Test
    void refusesCustomMetadataForAnUndefinedField() {
        expectError(patch(aFile(), Map.of("customMetadata", Map.of("undefinedField", "x"))), HttpStatus.BAD_REQUEST,
                "Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
    }

    WebTestClient.ResponseSpec patch(String fileId, Object body) {
        return client().patch().uri("/v1/files/{fileId}/details", fileId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    JsonNode patchOk(String fileId, Object body) {
        return patch(fileId, body).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String aFile() {
        return fileIdOf(fileWithVersions(1).get(0));
    }

    static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    @Nested
    class EditingDetails {

        @Test
        void answersWithTheFileAsItIsAfterTheEdit() {
            String fileId = aFile();

            JsonNode file = patchOk(fileId, Map.of("tags", List.of("summer", "sale"), "customCoordinates", "10,10,100,100",
                    "customMetadata", Map.of("brand", "acme"), "description", "A notebook"));

            assertThat(file.get("fileId").asText()).isEqualTo(fileId);
            assertThat(file.get("tags").toString()).isEqualTo("[\"summer\",\"sale\"]");
            assertThat(file.get("customCoordinates").asText()).isEqualTo("10,10,100,100");
            assertThat(file.get("customMetadata").toString()).isEqualTo("{\"brand\":\"acme\"}");
            assertThat(file.get("description").asText()).isEqualTo("A notebook");
        }

        @Test
        void trimsTagsAndKeepsEachOnce() {
            JsonNode file = patchOk(aFile(), Map.of("tags", List.of(" summer ", "summer", "", "sale")));

            assertThat(file.get("tags").toString()).isEqualTo("[\"summer\",\"sale\"]");
        }

        @Test
        void clearsTagsSentAsNull() {
            String fileId = aFile();
            patchOk(fileId, Map.of("tags", List.of("summer")));

            JsonNode file = patchOk(fileId, nullValued("tags"));

            assertThat(file.get("tags").isNull()).isTrue();
        }

        @Test
        void mergesCustomMetadataAndUnsetsKeysSentAsNull() {
            String fileId = aFile();
            patchOk(fileId, Map.of("customMetadata", Map.of("brand", "acme", "colour", "red")));
            Map<String, Object> changes = nullValued("colour");
            changes.put("size", 42);

            JsonNode file = patchOk(fileId, Map.of("customMetadata", changes));

            assertThat(file.get("customMetadata").toString()).isEqualTo("{\"brand\":\"acme\",\"size\":42}");
        }

        @Test
        void clearsCustomCoordinatesSentAsNull() {
            String fileId = aFile();
            patchOk(fileId, Map.of("customCoordinates", "1,2,3,4"));

            JsonNode file = patchOk(fileId, nullValued("customCoordinates"));

            assertThat(file.get("customCoordinates").isNull()).isTrue();
        }

        @Test
        void leavesFieldsThatAreNotSentAlone() {
            String fileId = aFile();
            patchOk(fileId, Map.of("tags", List.of("summer"), "description", "kept"));

            JsonNode file = patchOk(fileId, Map.of("customCoordinates", "1,2,3,4"));

            assertThat(file.get("tags").toString()).isEqualTo("[\"summer\"]");
            assertThat(file.get("description").asText()).isEqualTo("kept");
        }

        @Test
        void acceptsRemovingEveryAITag() {
            JsonNode file = patchOk(aFile(), Map.of("removeAITags", "all"));

            assertThat(file.get("AITags").isNull()).isTrue();
        }

        @Test
        void acceptsRemovingAITagsByName() {
            patchOk(aFile(), Map.of("removeAITags", List.of("car")));
        }

        @Test
        void editsTheCurrentVersionWithoutCreatingOne() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));

            JsonNode file = patchOk(fileId, Map.of("tags", List.of("edited")));

            assertThat(file.get("versionInfo").get("id").asText()).isEqualTo(versionIdOf(versions.get(1)));
            assertThat(upload(folderOf(versions.get(0)), "notes.txt").get("versionInfo").get("name").asText())
                    .isEqualTo("Version 3");
        }

        @Test
        void reportsRequestedExtensionsAsFailedSinceNoneRunHere() {
            JsonNode file = patchOk(aFile(), Map.of("extensions", List.of(Map.of("name", "google-auto-tagging",
                    "maxTags", 5, "minConfidence", 95)), "webhookUrl", "https://example.com/hook"));

            assertThat(file.get("extensionStatus").toString()).isEqualTo("{\"google-auto-tagging\":\"failed\"}");
        }

        @Test
        void writesNothingForAnEmptyBody() {
            String fileId = aFile();
            long eventsBefore = eventCount(fileId);

            JsonNode file = patchOk(fileId, Map.of());

            assertThat(file.get("fileId").asText()).isEqualTo(fileId);
            assertThat(eventCount(fileId)).isEqualTo(eventsBefore);
        }
    }

    @Nested
    class ChangingPublication {

        @Test
        void unpublishesTheCurrentVersion() {
            JsonNode file = patchOk(aFile(), Map.of("publish", Map.of("isPublished", false)));

            assertThat(file.get("isPublished").asBoolean()).isFalse();
        }

        @Test
        void publishesAgain() {
            String fileId = aFile();
            patchOk(fileId, Map.of("publish", Map.of("isPublished", false, "includeFileVersions", true)));

            JsonNode file = patchOk(fileId, Map.of("publish", Map.of("isPublished", true, "includeFileVersions", true)));

            assertThat(file.get("isPublished").asBoolean()).isTrue();
        }

        @Test
        void refusesPublishTogetherWithDetails() {
            expectError(patch(aFile(), Map.of("publish", Map.of("isPublished", false), "tags", List.of("a"))),
                    HttpStatus.BAD_REQUEST, "Your request contains publish together with tags. "
                            + "Send publish on its own to change the publication status.");
        }

        @Test
        void refusesPublishWithoutIsPublished() {
            expectError(patch(aFile(), Map.of("publish", Map.of("includeFileVersions", true))),
                    HttpStatus.BAD_REQUEST, "Your request is missing publish.isPublished parameter.");
        }

        @Test
        void refusesAnIsPublishedThatIsNotABoolean() {
            expectError(patch(aFile(), Map.of("publish", Map.of("isPublished", "false"))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for publish.isPublished parameter. It should be true or false.");
        }

        @Test
        void refusesAPublishThatIsNotAnObject() {
            expectError(patch(aFile(), Map.of("publish", true)), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for publish parameter. "
                            + "It should be an object with isPublished and, optionally, includeFileVersions.");
        }
    }

    @Nested
    class Refusing {

        @Test
        void answers404ForAnUnknownFile() {
            expectError(patch(UNKNOWN_ID, Map.of("tags", List.of("a"))), HttpStatus.NOT_FOUND,
                    "The requested file does not exist.");
        }

        @Test
        void answers404ForAnUnknownFileEvenWhenNothingIsToChange() {
            expectError(patch(UNKNOWN_ID, Map.of()), HttpStatus.NOT_FOUND, "The requested file does not exist.");
        }

        @Test
        void answers404ForADeletedFile() {
            String fileId = aFile();
            client().delete().uri("/v1/files/{fileId}", fileId).exchange().expectStatus().isNoContent();

            expectError(patch(fileId, Map.of("tags", List.of("a"))), HttpStatus.NOT_FOUND,
                    "The requested file does not exist.");
        }

        @Test
        void answers400ForAnInvalidFileId() {
            expectError(patch(NOT_AN_ID, Map.of()), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid fileId parameter.");
        }

        @Test
        void refusesTagsThatAreNotAnArray() {
            expectError(patch(aFile(), Map.of("tags", "a,b")), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. "
                            + "It should be an array of strings, or null to remove every tag.");
        }

        @Test
        void refusesATagThatIsNotAString() {
            expectError(patch(aFile(), Map.of("tags", List.of(1))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. Every item should be a string.");
        }

        @Test
        void refusesAPercentSignInTags() {
            expectError(patch(aFile(), Map.of("tags", List.of("50%"))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. The character % is not allowed in tags.");
        }

        @Test
        void refusesTagsLongerThan500CharactersTogether() {
            expectError(patch(aFile(), Map.of("tags", List.of("a".repeat(250), "b".repeat(251)))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. "
                            + "Combined length of all tags should be less than or equal to 500.");
        }

        @Test
        void refusesMalformedCustomCoordinates() {
            expectError(patch(aFile(), Map.of("customCoordinates", "10,10")), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for customCoordinates parameter. "
                            + "It should be x,y,width,height in whole pixels, or null to remove them.");
        }

        @Test
        void refusesCustomMetadataThatIsNotAnObject() {
            expectError(patch(aFile(), Map.of("customMetadata", List.of("a"))), HttpStatus.BAD_REQUEST,
                    "Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
        }

        @Test
        void refusesNestedObjectsInCustomMetadata() {
            expectError(patch(aFile(), Map.of("customMetadata", Map.of("brand", Map.of("name", "acme")))),
                    HttpStatus.BAD_REQUEST, "Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
        }

        @Test
        void refusesADescriptionThatIsNotAString() {
            expectError(patch(aFile(), Map.of("description", 5)), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for description parameter. "
                            + "It should be a string of at most 1024 characters.");
        }

        @Test
        void refusesRemoveAITagsThatIsNeitherAnArrayNorAll() {
            expectError(patch(aFile(), Map.of("removeAITags", "some")), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for removeAITags parameter. "
                            + "It should be an array of strings or \"all\".");
        }

        @Test
        void refusesExtensionsWithoutAName() {
            expectError(patch(aFile(), Map.of("extensions", List.of(Map.of("maxTags", 5)))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for extensions parameter. Every extension needs a name.");
        }

        @Test
        void refusesAWebhookUrlThatIsNotAnHttpUrl() {
            expectError(patch(aFile(), Map.of("webhookUrl", "ftp://example.com/hook")), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for webhookUrl parameter. It should be an http or https URL.");
        }

        @Test
        void refusesABodyThatIsNotAnObject() {
            expectError(patch(aFile(), List.of("tags")), HttpStatus.BAD_REQUEST,
                    "Your request body should be a JSON object.");
        }

        @Test
        void changesNothingWhenAnyFieldIsRefused() {
            String fileId = aFile();
            long eventsBefore = eventCount(fileId);

            patch(fileId, Map.of("tags", List.of("fine"), "customCoordinates", "bad")).expectStatus().isBadRequest();

            assertThat(eventCount(fileId)).isEqualTo(eventsBefore);
        }
    }
}
