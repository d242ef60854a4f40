package io.palimpsest.command.files.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.palimpsest.command.files.WriteApiBehaviour;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST /v1/files/addTags}, {@code /removeTags}, {@code /removeAITags} (spec §3.11). */
class BulkTagsIT extends WriteApiBehaviour {

    WebTestClient.ResponseSpec post(String endpoint, Object body) {
        return client().post().uri("/v1/files/" + endpoint).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    String aFileTagged(String... tags) {
        String fileId = fileIdOf(fileWithVersions(1).get(0));
        if (tags.length > 0) {
            post("addTags", Map.of("fileIds", List.of(fileId), "tags", List.of(tags))).expectStatus().isOk();
        }
        return fileId;
    }

    Object tagsOf(String fileId) {
        return currentFile(fileId).get("tags");
    }

    @Nested
    class AddingTags {

        @Test
        void addsTagsToEveryNamedFile() {
            String first = aFileTagged("old");
            String second = aFileTagged();

            post("addTags", Map.of("fileIds", List.of(first, second), "tags", List.of("summer", "old")))
                    .expectStatus().isOk()
                    .expectBody().json("{\"successfullyUpdatedFileIds\":[\"" + first + "\",\"" + second + "\"]}", true);

            assertThat(tagsOf(first)).isEqualTo(List.of("old", "summer"));
            assertThat(tagsOf(second)).isEqualTo(List.of("summer", "old"));
        }

        @Test
        void editsTheCurrentVersionWithoutCreatingOne() {
            var versions = fileWithVersions(2);

            post("addTags", Map.of("fileIds", List.of(fileIdOf(versions.get(0))), "tags", List.of("a")))
                    .expectStatus().isOk();

            assertThat(upload(folderOf(versions.get(0)), "notes.txt").get("versionInfo").get("name").asText())
                    .isEqualTo("Version 3");
        }

        @Test
        void reportsFilesWhoseTagsWouldGrowTooLongAndTagsTheOthers() {
            String nearlyFull = aFileTagged("x".repeat(495));
            String empty = aFileTagged();

            post("addTags", Map.of("fileIds", List.of(nearlyFull, empty), "tags", List.of("summer")))
                    .expectStatus().isEqualTo(HttpStatus.MULTI_STATUS)
                    .expectBody()
                    .jsonPath("$.successfullyUpdatedFileIds").isEqualTo(List.of(empty))
                    .jsonPath("$.errors[0].fileId").isEqualTo(nearlyFull)
                    .jsonPath("$.errors[0].error")
                    .isEqualTo("Combined length of all tags of the file should be less than or equal to 500.")
                    .jsonPath("$.errors.length()").isEqualTo(1);

            assertThat(tagsOf(nearlyFull)).isEqualTo(List.of("x".repeat(495)));
            assertThat(tagsOf(empty)).isEqualTo(List.of("summer"));
        }

        @Test
        void tagsNothingWhenSomeFileDoesNotExist() {
            String existing = aFileTagged();

            post("addTags", Map.of("fileIds", List.of(existing, UNKNOWN_ID), "tags", List.of("summer")))
                    .expectStatus().isNotFound()
                    .expectBody()
                    .jsonPath("$.message").isEqualTo("The requested file(s) does not exist.")
                    .jsonPath("$.help").isNotEmpty()
                    .jsonPath("$.missingFileIds").isEqualTo(List.of(UNKNOWN_ID));

            assertThat(tagsOf(existing)).isNull();
        }

        @Test
        void refusesAPercentSign() {
            expectError(post("addTags", Map.of("fileIds", List.of(UNKNOWN_ID), "tags", List.of("50%"))),
                    HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. The character % is not allowed in tags.");
        }

        @Test
        void refusesTagsLongerThan500CharactersTogether() {
            expectError(post("addTags", Map.of("fileIds", List.of(UNKNOWN_ID), "tags",
                            List.of("a".repeat(300), "b".repeat(201)))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for tags parameter. "
                            + "Combined length of all tags should be less than or equal to 500.");
        }
    }

    @Nested
    class RemovingTags {

        @Test
        void removesTagsFromEveryNamedFile() {
            String first = aFileTagged("summer", "sale");
            String second = aFileTagged("summer");

            post("removeTags", Map.of("fileIds", List.of(first, second), "tags", List.of("summer", "unknown")))
                    .expectStatus().isOk()
                    .expectBody().json("{\"successfullyUpdatedFileIds\":[\"" + first + "\",\"" + second + "\"]}", true);

            assertThat(tagsOf(first)).isEqualTo(List.of("sale"));
            assertThat(tagsOf(second)).isNull();
        }

        @Test
        void answers404WithTheMissingFileIds() {
            post("removeTags", Map.of("fileIds", List.of(UNKNOWN_ID), "tags", List.of("summer")))
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.missingFileIds").isEqualTo(List.of(UNKNOWN_ID));
        }
    }

    @Nested
    class RemovingAITags {

        @Test
        void acceptsAITagNamesForEveryNamedFile() {
            String fileId = aFileTagged("summer");

            post("removeAITags", Map.of("fileIds", List.of(fileId), "AITags", List.of("car")))
                    .expectStatus().isOk()
                    .expectBody().json("{\"successfullyUpdatedFileIds\":[\"" + fileId + "\"]}", true);

            assertThat(tagsOf(fileId)).isEqualTo(List.of("summer"));
        }

        @Test
        void answers400WithoutAITags() {
            expectError(post("removeAITags", Map.of("fileIds", List.of(UNKNOWN_ID))), HttpStatus.BAD_REQUEST,
                    "AITags parameter is missing.");
        }

        @Test
        void answers400ForAnEmptyAITagsArray() {
            expectError(post("removeAITags", Map.of("fileIds", List.of(UNKNOWN_ID), "AITags", List.of())),
                    HttpStatus.BAD_REQUEST, "AITags array cannot be empty.");
        }

        @Test
        void answers400ForAITagsThatAreNotAnArray() {
            expectError(post("removeAITags", Map.of("fileIds", List.of(UNKNOWN_ID), "AITags", "car")),
                    HttpStatus.BAD_REQUEST, "AITags should be an Array.");
        }
    }

    @Nested
    class Refusing {

        @Test
        void answers400WhenFileIdsIsMissing() {
            expectError(post("addTags", Map.of("tags", List.of("a"))), HttpStatus.BAD_REQUEST,
                    "fileIds parameter is missing.");
        }

        @Test
        void answers400WhenFileIdsIsEmpty() {
            expectError(post("removeTags", Map.of("fileIds", List.of(), "tags", List.of("a"))), HttpStatus.BAD_REQUEST,
                    "fileIds is empty.");
        }

        @Test
        void answers400WhenFileIdsIsNotAnArray() {
            expectError(post("addTags", Map.of("fileIds", UNKNOWN_ID, "tags", List.of("a"))), HttpStatus.BAD_REQUEST,
                    "fileIds should be an Array.");
        }

        @Test
        void answers400ForMoreThanFiftyFiles() {
            List<String> tooMany = IntStream.range(0, 51).mapToObj(i -> String.format("%024x", i)).toList();

            expectError(post("addTags", Map.of("fileIds", tooMany, "tags", List.of("a"))), HttpStatus.BAD_REQUEST,
                    "A maximum of 50 files can be edited at a time.");
        }

        @Test
        void answers400WhenTagsIsMissing() {
            expectError(post("addTags", Map.of("fileIds", List.of(UNKNOWN_ID))), HttpStatus.BAD_REQUEST,
                    "tags parameter is missing.");
        }

        @Test
        void answers400ForAnEmptyTagsArray() {
            expectError(post("removeTags", Map.of("fileIds", List.of(UNKNOWN_ID), "tags", List.of(" "))),
                    HttpStatus.BAD_REQUEST, "tags array cannot be empty.");
        }

        @Test
        void answers400ForTagsThatAreNotAnArray() {
            expectError(post("addTags", Map.of("fileIds", List.of(UNKNOWN_ID), "tags", "a,b")), HttpStatus.BAD_REQUEST,
                    "tags should be an Array.");
        }
    }
}
