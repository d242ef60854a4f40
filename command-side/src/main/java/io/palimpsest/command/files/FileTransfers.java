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
import java.util.List;
import java.util.Optional;
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
        List<FileVersion> versions = source.invoke(file -> file.versionsInTransferOrder(command.includeFileVersions()));
        Optional<FileId> existing = paths.fileAt(target);
        if (existing.isPresent()) {
            List<FileVersion> copies = copies(versions, ids.newVersionId(), command.copiedAt());
            files.load(existing.get().value()).execute(file -> file.handle(new AppendVersions(existing.get(),
                    command.sourceFileId(), VersionSource.COPY, copies, command.operationId(), command.copiedAt())));
            return;
        }
        FileId copy = ids.newFileId();
        List<FileVersion> copies = copies(versions, copy.firstVersionId(), command.copiedAt());
        try {
            files.newInstance(() -> new FileAggregate(
                    new CreateFileFromCopy(copy, target, command.sourceFileId(), copies, command.copiedAt())));
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @CommandHandler
    void handle(MoveFileToFolder command) {
        if (alreadyDone(command.operationId())) {
            return;
        }
        Aggregate<FileAggregate> source = files.load(command.sourceFileId().value());
        FilePath target = targetOf(source, command.sourceFileId(), command.destination());
        Optional<FileId> existing = paths.fileAt(target);
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
     */
    @CommandHandler
    List<String> handle(TransferFiles command) {
        List<String> skipped = new ArrayList<>();
        for (TransferFiles.Transfer transfer : command.transfers()) {
            try {
                if (transfer instanceof TransferFiles.CopyStep step) {
                    handle(step.copy());
                } else if (transfer instanceof TransferFiles.MoveStep step) {
                    handle(step.move());
                }
            } catch (FileRuleViolation | AggregateNotFoundException e) {
                skipped.add(transfer instanceof TransferFiles.CopyStep step ? step.copy().operationId()
                        : ((TransferFiles.MoveStep) transfer).move().operationId());
            }
        }
        return skipped;
    }

    /**
     * Records the operation in this command's transaction; true if it was recorded before, i.e. a
     * retried or resumed step whose work is already committed.
     */
    private boolean alreadyDone(String operationId) {
        return jdbc.update("INSERT INTO completed_operation (operation_id) VALUES (?) ON CONFLICT DO NOTHING",
                operationId) == 0;
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
