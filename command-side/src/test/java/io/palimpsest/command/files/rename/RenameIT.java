package io.palimpsest.command.files.rename;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.WriteApiBehaviour;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code PUT /v1/files/rename} (spec §3.8). */
class RenameIT extends WriteApiBehaviour {

    WebTestClient.ResponseSpec rename(Object body) {
        return client().put().uri("/v1/files/rename").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static Map<String, Object> renaming(String filePath, Object newFileName) {
        Map<String, Object> body = new HashMap<>();
        body.put("filePath", filePath);
        body.put("newFileName", newFileName);
        return body;
    }

    @Test
    void answersWithAnEmptyObject() {
        JsonNode file = fileWithVersions(1).get(0);

        rename(renaming(file.get("filePath").asText(), "renamed.txt")).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{}", true);
    }

    @Test
    void keepsTheFileIdAndEveryVersionUnderTheNewName() {
        List<JsonNode> versions = fileWithVersions(2);
        String folder = folderOf(versions.get(0));

        rename(renaming(versions.get(0).get("filePath").asText(), "renamed.txt")).expectStatus().isOk();

        assertThat(currentFile(fileIdOf(versions.get(0)))).containsEntry("filePath", folder + "renamed.txt");
        JsonNode next = upload(folder, "renamed.txt");
        assertThat(fileIdOf(next)).isEqualTo(fileIdOf(versions.get(0)));
        assertThat(next.get("versionInfo").get("name").asText()).isEqualTo("Version 3");
    }

    @Test
    void freesTheOldName() {
        JsonNode file = fileWithVersions(1).get(0);
        rename(renaming(file.get("filePath").asText(), "renamed.txt")).expectStatus().isOk();

        JsonNode atOldName = upload(folderOf(file), "notes.txt");

        assertThat(fileIdOf(atOldName)).isNotEqualTo(fileIdOf(file));
        assertThat(atOldName.get("versionInfo").get("name").asText()).isEqualTo("Version 1");
    }

    @Test
    void sanitisesTheNewNameAsAnUploadDoes() {
        JsonNode file = fileWithVersions(1).get(0);

        rename(renaming(file.get("filePath").asText(), "summer sale (1).txt")).expectStatus().isOk();

        assertThat(currentFile(fileIdOf(file))).containsEntry("name", "summer_sale__1_.txt");
    }

    @Test
    void acceptsPurgeCacheAndHasNothingToPurge() {
        JsonNode file = fileWithVersions(1).get(0);
        Map<String, Object> body = renaming(file.get("filePath").asText(), "renamed.txt");
        body.put("purgeCache", true);

        rename(body).expectStatus().isOk().expectBody().json("{}", true);
    }

    @Test
    void answers404ForAPathWithoutAFile() {
        String filePath = uniqueFolder() + "/nothing.txt";

        expectError(rename(renaming(filePath, "renamed.txt")), HttpStatus.NOT_FOUND,
                "No file found in media library at filePath " + filePath, "FILE_MISSING");
    }

    @Test
    void answers404ForAPathNoFileCouldHave() {
        expectError(rename(renaming("/a b/c d.txt", "renamed.txt")), HttpStatus.NOT_FOUND,
                "No file found in media library at filePath /a b/c d.txt", "FILE_MISSING");
    }

    @Test
    void answers409WhenTheNewNameIsTaken() {
        JsonNode file = fileWithVersions(1).get(0);
        upload(folderOf(file), "taken.txt");

        WebTestClient.ResponseSpec response = rename(renaming(file.get("filePath").asText(), "taken.txt"));

        response.expectHeader().valueEquals("x-should-retry", "false");
        expectError(response, HttpStatus.CONFLICT, "File with name taken.txt already exists at the same location.",
                "FILE_ALREADY_EXISTS");
        assertThat(currentFile(fileIdOf(file))).containsEntry("name", "notes.txt");
    }

    @Test
    void answers400ForTheSameName() {
        JsonNode file = fileWithVersions(1).get(0);

        expectError(rename(renaming(file.get("filePath").asText(), "notes.txt")), HttpStatus.BAD_REQUEST,
                "The new name is the same as the old name.", "SAME_OLD_AND_NEW_NAME");
    }

    @Test
    void answers400WithoutFilePath() {
        expectError(rename(Map.of("newFileName", "renamed.txt")), HttpStatus.BAD_REQUEST,
                "Your request is missing filePath parameter.", "MISSING_PARAMETER");
    }

    @Test
    void answers400WithoutNewFileName() {
        expectError(rename(Map.of("filePath", "/a.txt")), HttpStatus.BAD_REQUEST,
                "Your request is missing newFileName parameter.", "MISSING_PARAMETER");
    }

    @Test
    void answers400ForANewNameThatCannotBeSanitised() {
        JsonNode file = fileWithVersions(1).get(0);

        expectError(rename(renaming(file.get("filePath").asText(), "../escape.txt")), HttpStatus.BAD_REQUEST,
                "Your request contains invalid newFileName parameter. It must not contain '..' or control characters, "
                        + "and must have 1 to 255 characters.", "INVALID_PARAMETER");
    }

    @Test
    void answers400ForANewNameThatIsNotAString() {
        expectError(rename(renaming("/a.txt", 7)), HttpStatus.BAD_REQUEST,
                "Your request contains invalid newFileName parameter. It should be a string.", "INVALID_PARAMETER");
    }

    @Test
    void answers400ForAPurgeCacheThatIsNotABoolean() {
        Map<String, Object> body = renaming("/a.txt", "b.txt");
        body.put("purgeCache", "yes");

        expectError(rename(body), HttpStatus.BAD_REQUEST,
                "Your request contains invalid purgeCache parameter. It should be true or false.", "INVALID_PARAMETER");
    }
}
