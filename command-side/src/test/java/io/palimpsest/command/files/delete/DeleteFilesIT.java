package io.palimpsest.command.files.delete;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.WriteApiBehaviour;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code DELETE /v1/files/{fileId}} and {@code POST /v1/files/batch/deleteByFileIds} (spec §3.4, §3.5). */
class DeleteFilesIT extends WriteApiBehaviour {

    static final String FILE_NOT_FOUND = "The requested file does not exist.";
    static final String FILES_NOT_FOUND = "The requested file(s) does not exist.";

    WebTestClient.ResponseSpec delete(String fileId) {
        return client().delete().uri("/v1/files/{fileId}", fileId).exchange();
    }

    WebTestClient.ResponseSpec deleteAll(Object body) {
        return client().post().uri("/v1/files/batch/deleteByFileIds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @Nested
    class OneFile {

        @Test
        void deletesTheFileWithEveryVersion() {
            List<JsonNode> versions = fileWithVersions(3);
            String fileId = fileIdOf(versions.get(0));

            delete(fileId).expectStatus().isNoContent().expectBody().isEmpty();

            expectError(delete(fileId), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
        }

        @Test
        void releasesTheContentOfEveryVersionForGarbageCollection() {
            String fileId = fileIdOf(fileWithVersions(3).get(0));

            delete(fileId).expectStatus().isNoContent();

            assertThat(contentReferences(fileId)).isZero();
        }

        @Test
        void freesThePathForANewFile() {
            List<JsonNode> versions = fileWithVersions(2);
            delete(fileIdOf(versions.get(0))).expectStatus().isNoContent();

            JsonNode again = upload(folderOf(versions.get(0)), "notes.txt");

            assertThat(fileIdOf(again)).isNotEqualTo(fileIdOf(versions.get(0)));
            assertThat(again.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
        }

        @Test
        void answers404ForAnUnknownFile() {
            expectError(delete(UNKNOWN_ID), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            expectError(delete(NOT_AN_ID), HttpStatus.BAD_REQUEST, "Your request contains invalid fileId parameter.");
        }
    }

    @Nested
    class ManyFiles {

        @Test
        void deletesEveryNamedFile() {
            String first = fileIdOf(fileWithVersions(2).get(0));
            String second = fileIdOf(fileWithVersions(1).get(0));

            deleteAll(Map.of("fileIds", List.of(first, second))).expectStatus().isOk()
                    .expectBody().json("{\"successfullyDeletedFileIds\":[\"" + first + "\",\"" + second + "\"]}", true);

            expectError(delete(first), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
            expectError(delete(second), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
        }

        @Test
        void deletesARepeatedIdOnce() {
            String fileId = fileIdOf(fileWithVersions(1).get(0));

            deleteAll(Map.of("fileIds", List.of(fileId, fileId))).expectStatus().isOk()
                    .expectBody().json("{\"successfullyDeletedFileIds\":[\"" + fileId + "\"]}", true);
        }

        @Test
        void deletesNothingWhenSomeFileDoesNotExist() {
            String existing = fileIdOf(fileWithVersions(1).get(0));

            deleteAll(Map.of("fileIds", List.of(existing, UNKNOWN_ID, NOT_AN_ID))).expectStatus().isNotFound()
                    .expectBody()
                    .jsonPath("$.message").isEqualTo(FILES_NOT_FOUND)
                    .jsonPath("$.help").isNotEmpty()
                    .jsonPath("$.missingFileIds").isEqualTo(List.of(UNKNOWN_ID, NOT_AN_ID));

            delete(existing).expectStatus().isNoContent();
        }

        @Test
        void countsADeletedFileAsMissing() {
            String deleted = fileIdOf(fileWithVersions(1).get(0));
            delete(deleted).expectStatus().isNoContent();

            deleteAll(Map.of("fileIds", List.of(deleted))).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.missingFileIds").isEqualTo(List.of(deleted));
        }

        @Test
        void acceptsAHundredFileIds() {
            String fileId = fileIdOf(fileWithVersions(1).get(0));
            List<String> hundred = Collections.nCopies(100, fileId);

            deleteAll(Map.of("fileIds", hundred)).expectStatus().isOk();
        }

        @Test
        void answers400WhenFileIdsIsMissing() {
            expectError(deleteAll(Map.of()), HttpStatus.BAD_REQUEST, "fileIds parameter is missing.");
        }

        @Test
        void answers400WhenFileIdsIsNotAnArray() {
            expectError(deleteAll(Map.of("fileIds", UNKNOWN_ID)), HttpStatus.BAD_REQUEST, "fileIds should be an Array.");
        }

        @Test
        void answers400WhenFileIdsIsEmpty() {
            expectError(deleteAll(Map.of("fileIds", List.of())), HttpStatus.BAD_REQUEST, "fileIds is empty.");
        }

        @Test
        void answers400ForMoreThanAHundredFileIds() {
            List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> String.format("%024x", i)).toList();

            expectError(deleteAll(Map.of("fileIds", tooMany)), HttpStatus.BAD_REQUEST,
                    "fileIds cannot have more than 100 items.");
        }

        @Test
        void answers400ForAnItemThatIsNotAString() {
            expectError(deleteAll(Map.of("fileIds", List.of(42))), HttpStatus.BAD_REQUEST,
                    "Your request contains invalid value for fileIds parameter. Every item should be a fileId string.");
        }

        @Test
        void answers400ForABodyThatIsNotJson() {
            client().post().uri("/v1/files/batch/deleteByFileIds").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{not json").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").isNotEmpty().jsonPath("$.help").isNotEmpty();
        }
    }
}
