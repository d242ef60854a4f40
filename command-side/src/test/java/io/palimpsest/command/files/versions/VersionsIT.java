package io.palimpsest.command.files.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.WriteApiBehaviour;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code PUT …/versions/{versionId}/restore} and {@code DELETE …/versions/{versionId}} (spec §3.10, §10). */
class VersionsIT extends WriteApiBehaviour {

    static final String FILE_NOT_FOUND = "The requested file does not exist.";
    static final String VERSION_NOT_FOUND = "The requested file version does not exist.";
    static final String ASSET_NOT_FOUND = "The requested asset does not exist.";
    static final String INVALID_FILE_ID = "Your request contains invalid fileId parameter.";
    static final String INVALID_VERSION_ID = "Your request contains invalid versionId parameter.";

    WebTestClient.ResponseSpec restore(String fileId, String versionId) {
        return client().put().uri("/v1/files/{fileId}/versions/{versionId}/restore", fileId, versionId).exchange();
    }

    WebTestClient.ResponseSpec deleteVersion(String fileId, String versionId) {
        return client().delete().uri("/v1/files/{fileId}/versions/{versionId}", fileId, versionId).exchange();
    }

    @Nested
    class Restoring {

        @Test
        void answersWithTheRestoredVersionAsTheCurrentFile() {
            List<JsonNode> versions = fileWithVersions(3);
            String fileId = fileIdOf(versions.get(0));

            JsonNode file = restore(fileId, versionIdOf(versions.get(0))).expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(file.get("type").asText()).isEqualTo("file");
            assertThat(file.get("fileId").asText()).isEqualTo(fileId);
            assertThat(file.get("versionInfo").get("id").asText()).isEqualTo(versionIdOf(versions.get(0)));
            assertThat(file.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
        }

        @Test
        void numbersTheNextUploadAfterTheHighestNumberEverUsed() {
            List<JsonNode> versions = fileWithVersions(3);
            restore(fileIdOf(versions.get(0)), versionIdOf(versions.get(0))).expectStatus().isOk();

            JsonNode next = upload(folderOf(versions.get(0)), "notes.txt");

            assertThat(next.get("fileId").asText()).isEqualTo(fileIdOf(versions.get(0)));
            assertThat(next.get("versionInfo").get("name").asText()).isEqualTo("Version 4");
        }

        @Test
        void restoringTheCurrentVersionIsANoOp() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));
            long eventsBefore = eventCount(fileId);

            JsonNode file = restore(fileId, versionIdOf(versions.get(1))).expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(file.get("versionInfo").get("name").asText()).isEqualTo("Version 2");
            assertThat(eventCount(fileId)).isEqualTo(eventsBefore);
        }

        @Test
        void answers404ForAnUnknownFile() {
            expectError(restore(UNKNOWN_ID, UNKNOWN_ID), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
        }

        @Test
        void answers404ForADeletedFile() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));
            client().delete().uri("/v1/files/{fileId}", fileId).exchange().expectStatus().isNoContent();

            expectError(restore(fileId, versionIdOf(versions.get(0))), HttpStatus.NOT_FOUND, FILE_NOT_FOUND);
        }

        @Test
        void answers404ForAVersionTheFileDoesNotHave() {
            String fileId = fileIdOf(fileWithVersions(1).get(0));

            expectError(restore(fileId, UNKNOWN_ID), HttpStatus.NOT_FOUND, VERSION_NOT_FOUND);
        }

        @Test
        void answers404ForADeletedVersion() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));
            deleteVersion(fileId, versionIdOf(versions.get(0))).expectStatus().isNoContent();

            expectError(restore(fileId, versionIdOf(versions.get(0))), HttpStatus.NOT_FOUND, VERSION_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            expectError(restore(NOT_AN_ID, UNKNOWN_ID), HttpStatus.BAD_REQUEST, INVALID_FILE_ID);
        }

        @Test
        void answers400ForAnInvalidVersionId() {
            expectError(restore(UNKNOWN_ID, NOT_AN_ID), HttpStatus.BAD_REQUEST, INVALID_VERSION_ID);
        }

        @Test
        void answers401WithoutThePrivateKey() {
            expectError(anonymousClient().put().uri("/v1/files/{f}/versions/{v}/restore", UNKNOWN_ID, UNKNOWN_ID)
                    .exchange(), HttpStatus.UNAUTHORIZED, "Your request does not contain private API key.");
        }
    }

    @Nested
    class DeletingAVersion {

        @Test
        void deletesANonCurrentVersionWithItsContentReference() {
            List<JsonNode> versions = fileWithVersions(3);
            String fileId = fileIdOf(versions.get(0));

            deleteVersion(fileId, versionIdOf(versions.get(1))).expectStatus().isNoContent()
                    .expectBody().isEmpty();

            assertThat(contentReferences(fileId)).isEqualTo(2);
            expectError(restore(fileId, versionIdOf(versions.get(1))), HttpStatus.NOT_FOUND, VERSION_NOT_FOUND);
        }

        @Test
        void keepsTheCurrentVersionCurrent() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));

            deleteVersion(fileId, versionIdOf(versions.get(0))).expectStatus().isNoContent();

            assertThat(currentFile(fileId).get("versionInfo"))
                    .isEqualTo(Map.of("id", versionIdOf(versions.get(1)), "name", "Version 2"));
        }

        @Test
        void refusesToDeleteTheCurrentVersion() {
            List<JsonNode> versions = fileWithVersions(2);

            expectError(deleteVersion(fileIdOf(versions.get(0)), versionIdOf(versions.get(1))), HttpStatus.BAD_REQUEST,
                    "You cannot delete current version of a file.");
        }

        @Test
        void refusesToDeleteTheOnlyVersion() {
            JsonNode only = fileWithVersions(1).get(0);

            expectError(deleteVersion(fileIdOf(only), versionIdOf(only)), HttpStatus.BAD_REQUEST,
                    "You cannot delete current version of a file.");
        }

        @Test
        void refusesToDeleteARestoredVersionNowCurrent() {
            List<JsonNode> versions = fileWithVersions(2);
            String fileId = fileIdOf(versions.get(0));
            restore(fileId, versionIdOf(versions.get(0))).expectStatus().isOk();

            expectError(deleteVersion(fileId, versionIdOf(versions.get(0))), HttpStatus.BAD_REQUEST,
                    "You cannot delete current version of a file.");
        }

        @Test
        void answers404ForAnUnknownFile() {
            expectError(deleteVersion(UNKNOWN_ID, UNKNOWN_ID), HttpStatus.NOT_FOUND, ASSET_NOT_FOUND);
        }

        @Test
        void answers404ForAVersionTheFileDoesNotHave() {
            String fileId = fileIdOf(fileWithVersions(2).get(0));

            expectError(deleteVersion(fileId, UNKNOWN_ID), HttpStatus.NOT_FOUND, ASSET_NOT_FOUND);
        }

        @Test
        void answers404ForAVersionAlreadyDeleted() {
            List<JsonNode> versions = fileWithVersions(3);
            String fileId = fileIdOf(versions.get(0));
            deleteVersion(fileId, versionIdOf(versions.get(0))).expectStatus().isNoContent();

            expectError(deleteVersion(fileId, versionIdOf(versions.get(0))), HttpStatus.NOT_FOUND, ASSET_NOT_FOUND);
        }

        @Test
        void answers400ForAnInvalidFileId() {
            expectError(deleteVersion(NOT_AN_ID, UNKNOWN_ID), HttpStatus.BAD_REQUEST, INVALID_FILE_ID);
        }

        @Test
        void answers400ForAnInvalidVersionId() {
            expectError(deleteVersion(UNKNOWN_ID, NOT_AN_ID), HttpStatus.BAD_REQUEST, INVALID_VERSION_ID);
        }
    }
}
