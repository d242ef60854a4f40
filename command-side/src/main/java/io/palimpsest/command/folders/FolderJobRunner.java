package io.palimpsest.command.folders;

import io.palimpsest.command.files.FileRuleViolation;
import io.palimpsest.command.files.LostRaces;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.commands.CompleteFolderJob;
import io.palimpsest.shared.folders.commands.CreateFolder;
import io.palimpsest.shared.files.commands.CopyFileToFolder;
import io.palimpsest.shared.files.commands.MoveFileToFolder;
import io.palimpsest.shared.files.commands.TransferFiles;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs folder jobs in the background, a page of {@value #PAGE} files per transaction, in path order.
 * Each step carries the operation id {@code jobId:fileId}, which the step records in its page's
 * transaction: a job resumed after a crash (every Pending job is resumed when a node starts) skips
 * what it already did, so no file is copied twice or lost. Moved files leave the source, so a resumed
 * move never sees them again. Only one page is in memory at a time, whatever the folder's size.
 */
@Component
class FolderJobRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FolderJobRunner.class);
    /**
     * Files per transaction: a commit per file would cost more than the work itself, and the page's
     * lookups are made once per page. Not much larger: every aggregate load in a unit of work scans
     * the events already staged in it.
     */
    static final int PAGE = 250;

    private final FolderRegistry folders;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "folder-jobs");
        thread.setDaemon(true);
        return thread;
    });

    FolderJobRunner(FolderRegistry folders, CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.folders = folders;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumePendingJobs() {
        folders.pendingJobs().forEach(this::submit);
    }

    void submit(String jobId) {
        executor.submit(() -> {
            try {
                run(jobId);
            } catch (RuntimeException e) {
                log.error("Folder job {} stopped; it resumes when this node restarts", jobId, e);
            }
        });
    }

    private record Job(String jobId, FolderJobType type, FolderPath source, FolderPath destination,
                       boolean includeVersions, boolean completed) {

        FolderPath mapped(FolderPath folder) {
            return FolderPath.parse(destination.value() + folder.value().substring(source.value().length()));
        }
    }

    private void run(String jobId) {
        Job job = jdbc.queryForObject("SELECT * FROM folder_job WHERE job_id = ?", (row, i) -> new Job(
                row.getString("job_id"), FolderJobType.valueOf(row.getString("type")),
                new FolderPath(row.getString("source")), new FolderPath(row.getString("destination")),
                row.getBoolean("include_versions"), "Completed".equals(row.getString("status"))), jobId);
        if (job == null || job.completed()) {
            return;
        }
        for (String explicit : jdbc.queryForList("SELECT path FROM folder_path WHERE path LIKE ? ESCAPE '\\'",
                String.class, FolderRegistry.under(job.source()))) {
            FolderPath target = job.mapped(new FolderPath(explicit));
            commands.sendAndWait(new CreateFolder(FolderId.of(target), target, clock.instant()));
        }
        long transferred = 0;
        long failed = 0;
        String after = "";
        List<FolderRegistry.FileEntry> page;
        while (!(page = folders.filesUnder(job.source(), after, PAGE)).isEmpty()) {
            after = page.get(page.size() - 1).path();
            int skipped = transferBatch(job, page);
            transferred += page.size() - skipped;
            failed += skipped;
        }
        commands.sendAndWait(new CompleteFolderJob(jobId, transferred, failed, clock.instant()));
        log.info("Folder job {} ({} {} -> {}) completed: {} files transferred, {} failed", jobId, job.type(),
                job.source(), job.destination(), transferred, failed);
    }

    /**
     * One transaction for the whole page; if the database refuses it (a racing request took a
     * destination path), the page goes again file by file, each step retried on lost races.
     * Steps already committed are recognised by their operation id and skipped.
     */
    private int transferBatch(Job job, List<FolderRegistry.FileEntry> files) {
        List<TransferFiles.Transfer> steps = files.stream().map(file -> step(job, file)).toList();
        try {
            List<?> skipped = commands.sendAndWait(new TransferFiles(steps));
            return skipped.size();
        } catch (RuntimeException batchFailed) {
            log.debug("Folder job {}: a batch failed, going file by file", job.jobId(), batchFailed);
            int skipped = 0;
            for (int i = 0; i < steps.size(); i++) {
                TransferFiles.Transfer step = steps.get(i);
                try {
                    LostRaces.retry(() -> commands.sendAndWait(step instanceof TransferFiles.CopyStep copy
                            ? copy.copy() : ((TransferFiles.MoveStep) step).move()));
                } catch (FileRuleViolation | ApiError | AggregateNotFoundException e) {
                    log.warn("Folder job {}: {} was not transferred: {}", job.jobId(), files.get(i).path(),
                            e.getMessage());
                    skipped++;
                }
            }
            return skipped;
        }
    }

    private TransferFiles.Transfer step(Job job, FolderRegistry.FileEntry file) {
        FileId fileId = new FileId(file.fileId());
        FolderPath target = job.mapped(FilePath.parse(file.path()).folder());
        String operationId = job.jobId() + ":" + file.fileId();
        return job.type() == FolderJobType.COPY_FOLDER
                ? new TransferFiles.CopyStep(new CopyFileToFolder(fileId, target, job.includeVersions(), operationId,
                        clock.instant()))
                : new TransferFiles.MoveStep(new MoveFileToFolder(fileId, target, operationId, clock.instant()));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
