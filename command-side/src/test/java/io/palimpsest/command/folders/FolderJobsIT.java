package io.palimpsest.command.folders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.WriteApiBehaviour;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.CopyFileToFolder;
import io.palimpsest.shared.files.commands.TransferFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Folder copy and move jobs ({@code POST /v1/bulkJobs/copyFolder}, {@code /moveFolder}) as the write
 * side runs them: a page of files per transaction, each step seeing what the steps before it in the
 * same page did, rule breakers skipped, and a page sent again doing nothing twice.
 */
class FolderJobsIT extends WriteApiBehaviour {

    @Autowired
    CommandGateway commands;

    String startJob(String kind, String source, String destination) {
        return client().post().uri("/v1/bulkJobs/" + kind).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sourceFolderPath", source, "destinationPath", destination))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("jobId").asText();
    }

    void awaitCompleted(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String status = jdbc.queryForObject("SELECT status FROM folder_job WHERE job_id = ?", String.class, jobId);
            if ("Completed".equals(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not complete");
    }

    Optional<String> fileAt(String path) {
        return jdbc.queryForList("SELECT file_id FROM file_path WHERE path = ?", String.class, path).stream().findFirst();
    }

    long filesUnder(String folder) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM file_path WHERE path LIKE ?", Long.class, folder + "%");
        return count == null ? 0 : count;
    }

    @Test
    void copiesEveryFileOfAFolderLargerThanAPageWithItsSubfolders() throws InterruptedException {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        int files = FolderJobRunner.PAGE + 10;
        for (int i = 0; i < files; i++) {
            upload(source + (i % 2 == 0 ? "/a/" : "/b/"), "file-" + i + ".txt");
        }

        awaitCompleted(startJob("copyFolder", source, destination));

        assertThat(filesUnder(destination + source + "/")).isEqualTo(files);
        assertThat(fileAt(destination + source + "/b/file-" + (files - 1) + ".txt")).isPresent();
        assertThat(filesUnder(source + "/")).isEqualTo(files);
    }

    @Test
    void appendsCopiesToSameNameFilesAtTheDestinationAndCreatesTheOthers() throws InterruptedException {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        upload(source, "taken.txt");
        upload(source, "free.txt");
        JsonNode existing = upload(destination + source, "taken.txt");

        awaitCompleted(startJob("copyFolder", source, destination));

        assertThat(fileAt(destination + source + "/taken.txt")).contains(fileIdOf(existing));
        assertThat(eventCount(fileIdOf(existing))).as("FileCreated, then the copy's VersionsAppended").isEqualTo(2);
        assertThat(fileAt(destination + source + "/free.txt")).isPresent();
    }

    @Test
    void mergesAMovedFileIntoTheSameNameFileAndFreesTheSource() throws InterruptedException {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        JsonNode moved = upload(source, "taken.txt");
        JsonNode existing = upload(destination + source, "taken.txt");

        awaitCompleted(startJob("moveFolder", source, destination));

        assertThat(fileAt(destination + source + "/taken.txt")).contains(fileIdOf(existing));
        assertThat(contentReferences(fileIdOf(existing))).isEqualTo(2);
        assertThat(fileAt(source + "/taken.txt")).isEmpty();
        assertThat(contentReferences(fileIdOf(moved))).isZero();
    }

    /**
     * Moving {@code /x/b/b/} into {@code /x/} makes {@code /x/b/}: {@code /x/b/b/b/f.txt} lands on
     * {@code /x/b/b/f.txt}, which is itself moved later in the same page. Each step must see the
     * paths as the steps before it left them.
     */
    @Test
    void aLaterStepOfAPageSeesThePathsAsEarlierStepsLeftThem() throws InterruptedException {
        String root = uniqueFolder();
        JsonNode outer = upload(root + "/b/b/", "f.txt");
        JsonNode inner = upload(root + "/b/b/b/", "f.txt");

        awaitCompleted(startJob("moveFolder", root + "/b/b", root));

        assertThat(fileAt(root + "/b/f.txt")).as("the outer file moved up, with the inner one merged into it")
                .contains(fileIdOf(outer));
        assertThat(contentReferences(fileIdOf(outer))).isEqualTo(2);
        assertThat(contentReferences(fileIdOf(inner))).isZero();
        assertThat(filesUnder(root + "/b/b/")).isZero();
    }

    @Test
    void skipsAFileWhoseSameNameFileIsFullAndTransfersTheRest() throws InterruptedException {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        upload(source, "full.txt");
        upload(source, "other.txt");
        JsonNode full = null;
        for (int i = 0; i < 100; i++) {
            full = upload(destination + source, "full.txt");
        }

        awaitCompleted(startJob("copyFolder", source, destination));

        assertThat(eventCount(fileIdOf(full))).as("nothing appended beyond 100 versions").isEqualTo(100);
        assertThat(fileAt(destination + source + "/other.txt")).isPresent();
    }

    @Test
    void aPageSentAgainDoesNothingTwice() {
        String source = uniqueFolder();
        String destination = uniqueFolder();
        JsonNode first = upload(source, "one.txt");
        JsonNode second = upload(source, "two.txt");
        TransferFiles page = new TransferFiles(List.of(first, second).stream()
                .map(file -> (TransferFiles.Transfer) new TransferFiles.CopyStep(new CopyFileToFolder(
                        new FileId(fileIdOf(file)), FolderPath.parse(destination), false, "again:" + fileIdOf(file),
                        Instant.now())))
                .toList());

        List<?> skippedFirst = commands.sendAndWait(page);
        List<?> skippedAgain = commands.sendAndWait(page);

        assertThat(skippedFirst).isEmpty();
        assertThat(skippedAgain).isEmpty();
        String copy = fileAt(destination + "/one.txt").orElseThrow();
        assertThat(eventCount(copy)).as("one FileCreated, nothing appended by the second page").isEqualTo(1);
        assertThat(filesUnder(destination + "/")).isEqualTo(2);
    }
}
