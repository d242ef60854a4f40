package io.palimpsest.command.files;

import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.commands.AppendVersions;
import io.palimpsest.shared.files.commands.CopyFileToFolder;
import io.palimpsest.shared.files.commands.CreateFileFromCopy;
import io.palimpsest.shared.files.commands.MergeFileAway;
import io.palimpsest.shared.files.commands.MoveFile;
import io.palimpsest.shared.files.commands.MoveFileToFolder;
import io.palimpsest.shared.files.commands.TransferFiles;
import org.axonframework.modelling.command.AggregateNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Copy and move act on two files. Both run in one unit of work, hence one PostgreSQL transaction
 * with the event appends and the path registry: either both files change or neither does, and a
 * crash in between cannot lose or duplicate a version. Versions travel by reference; no bytes move.
 */
@Component
class FileTransfers {

    private final Repository<FileAggregate> files;
    private final FilePathRegistry paths;
    private final IdGenerator ids;
    private final JdbcTemplate jdbc;

    FileTransfers(@Qualifier("fileAggregateRepository") Repository<FileAggregate> files, FilePathRegistry paths,
                  IdGenerator ids, JdbcTemplate jdbc) {
        this.files = files;
        this.paths = paths;
        this.ids = ids;
        this.jdbc = jdbc;
    }

    @CommandHandler
    void handle(CopyFileToFolder command) {
        if (alreadyDone(command.operationId())) {
            return;
        }
        Aggregate<FileAggregate> source = files.load(command.sourceFileId().value());
        FilePath target = targetOf(source, command.sourceFileId(), command.destination());
        copy(command, source, target, paths.fileAt(target));
    }

    @CommandHandler
    void handle(MoveFileToFolder command) {
        if (alreadyDone(command.operationId())) {
            return;
        }
        Aggregate<FileAggregate> source = files.load(command.sourceFileId().value());
        FilePath target = targetOf(source, command.sourceFileId(), command.destination());
        move(command, source, target, paths.fileAt(target));
    }

    /** Returns the new file's id, or empty when the versions were appended to {@code existing}. */
    private Optional<FileId> copy(CopyFileToFolder command, Aggregate<FileAggregate> source, FilePath target,
                                  Optional<FileId> existing) {
        List<FileVersion> versions = source.invoke(file -> file.versionsInTransferOrder(command.includeFileVersions()));
        if (existing.isPresent()) {
            List<FileVersion> copies = copies(versions, ids.newVersionId(), command.copiedAt());
            files.load(existing.get().value()).execute(file -> file.handle(new AppendVersions(existing.get(),
                    command.sourceFileId(), VersionSource.COPY, copies, command.operationId(), command.copiedAt())));
            return Optional.empty();
        }
        FileId copy = ids.newFileId();
        List<FileVersion> copies = copies(versions, copy.firstVersionId(), command.copiedAt());
        try {
            files.newInstance(() -> new FileAggregate(
                    new CreateFileFromCopy(copy, target, command.sourceFileId(), copies, command.copiedAt())));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return Optional.of(copy);
    }

    private void move(MoveFileToFolder command, Aggregate<FileAggregate> source, FilePath target,
                      Optional<FileId> existing) {
        if (existing.isEmpty()) {
            source.execute(file -> file.handle(new MoveFile(command.sourceFileId(), command.destination(),
                    command.movedAt())));
            return;
        }
        List<FileVersion> versions = source.invoke(file -> file.versionsInTransferOrder(true));
        files.load(existing.get().value()).execute(file -> file.handle(new AppendVersions(existing.get(),
                command.sourceFileId(), VersionSource.MOVE, versions, command.operationId(), command.movedAt())));
        source.execute(file -> file.handle(new MergeFileAway(command.sourceFileId(), existing.get(),
                command.movedAt())));
    }

    /**
     * Runs every step in this one unit of work; returns the operation ids of the steps that broke a
     * rule and were skipped. A database failure fails the whole batch (the caller retries step by step).
     * Does what the single-file handlers do, one step after the other, but asks the database once
     * per page rather than once per file: which operations were done before, and which files are at
     * the target paths. The latter is kept up to date as the steps take and free paths, so a later
     * step sees what an earlier one did, exactly as if it had asked again.
     */
    @CommandHandler
    List<String> handle(TransferFiles command) {
        List<String> skipped = new ArrayList<>();
        Set<String> done = alreadyDone(command.transfers().stream().map(FileTransfers::operationId).toList());
        List<LoadedStep> steps = new ArrayList<>();
        for (TransferFiles.Transfer transfer : command.transfers()) {
            if (done.contains(operationId(transfer))) {
                continue;
            }
            FileId sourceId = transfer instanceof TransferFiles.CopyStep step ? step.copy().sourceFileId()
                    : ((TransferFiles.MoveStep) transfer).move().sourceFileId();
            try {
                Aggregate<FileAggregate> source = files.load(sourceId.value());
                FilePath target = targetOf(source, sourceId, transfer instanceof TransferFiles.CopyStep step
                        ? step.copy().destination() : ((TransferFiles.MoveStep) transfer).move().destination());
                steps.add(new LoadedStep(transfer, source, source.invoke(FileAggregate::path), target));
            } catch (FileRuleViolation | AggregateNotFoundException e) {
                skipped.add(operationId(transfer));
            }
        }
        Map<FilePath, FileId> occupied = filesAt(steps.stream().map(LoadedStep::target).toList());
        for (LoadedStep step : steps) {
            Optional<FileId> existing = Optional.ofNullable(occupied.get(step.target()));
            try {
                if (step.transfer() instanceof TransferFiles.CopyStep copy) {
                    copy(copy.copy(), step.source(), step.target(), existing)
                            .ifPresent(created -> occupied.put(step.target(), created));
                } else {
                    MoveFileToFolder move = ((TransferFiles.MoveStep) step.transfer()).move();
                    move(move, step.source(), step.target(), existing);
                    occupied.remove(step.sourcePath());
                    if (existing.isEmpty()) {
                        occupied.put(step.target(), move.sourceFileId());
                    }
                }
            } catch (FileRuleViolation | AggregateNotFoundException e) {
                skipped.add(operationId(step.transfer()));
            }
        }
        return skipped;
    }

    /** A step of a page with its source loaded: where the source is now and where it goes. */
    private record LoadedStep(TransferFiles.Transfer transfer, Aggregate<FileAggregate> source, FilePath sourcePath,
                              FilePath target) {
    }

    private static String operationId(TransferFiles.Transfer transfer) {
        return transfer instanceof TransferFiles.CopyStep step ? step.copy().operationId()
                : ((TransferFiles.MoveStep) transfer).move().operationId();
    }

    /**
     * Records the operation in this command's transaction; true if it was recorded before, i.e. a
     * retried or resumed step whose work is already committed.
     */
    private boolean alreadyDone(String operationId) {
        return jdbc.update("INSERT INTO completed_operation (operation_id) VALUES (?) ON CONFLICT DO NOTHING",
                operationId) == 0;
    }

    /** {@link #alreadyDone(String)} for many operations in one statement: those recorded before. */
    private Set<String> alreadyDone(List<String> operationIds) {
        if (operationIds.isEmpty()) {
            return Set.of();
        }
        Set<String> recordedNow = new HashSet<>(jdbc.query("INSERT INTO completed_operation (operation_id)"
                        + " SELECT unnest(?) ON CONFLICT DO NOTHING RETURNING operation_id",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("varchar",
                        operationIds.toArray())),
                (row, i) -> row.getString(1)));
        Set<String> before = new HashSet<>(operationIds);
        before.removeAll(recordedNow);
        return before;
    }

    /** The files at these paths, in one query of the path registry's table. */
    private Map<FilePath, FileId> filesAt(List<FilePath> targets) {
        Map<FilePath, FileId> found = new HashMap<>();
        if (targets.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT path, file_id FROM file_path WHERE path = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text",
                        targets.stream().map(FilePath::toString).toArray())),
                row -> {
                    found.put(FilePath.parse(row.getString(1)), new FileId(row.getString(2)));
                });
        return found;
    }

    private static FilePath targetOf(Aggregate<FileAggregate> source, FileId sourceId,
                                     io.palimpsest.shared.files.FolderPath destination) {
        FilePath current = source.invoke(FileAggregate::path);
        if (current.folder().equals(destination)) {
            throw new SameFolder(sourceId);
        }
        return current.inFolder(destination);
    }

    /**
     * Copies are new versions: new ids (the first one given), created now, with the source's content
     * and details. Their numbers are set where they land.
     */
    private List<FileVersion> copies(List<FileVersion> versions, VersionId firstId, Instant at) {
        List<FileVersion> copies = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            FileVersion v = versions.get(i);
            copies.add(new FileVersion(i == 0 ? firstId : ids.newVersionId(), v.number(), v.content(), v.details(),
                    at, VersionSource.COPY));
        }
        return copies;
    }
}
