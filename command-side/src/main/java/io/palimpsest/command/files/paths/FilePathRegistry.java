package io.palimpsest.command.files.paths;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.FileDeleted;
import io.palimpsest.shared.files.events.FileMergedAway;
import io.palimpsest.shared.files.events.FileMoved;
import io.palimpsest.shared.files.events.FileRenamed;
import io.palimpsest.shared.files.events.VersionAdded;
import io.palimpsest.shared.files.events.VersionDeleted;
import io.palimpsest.shared.files.events.VersionsAppended;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side's own lookups, kept in the same transaction as the events that change them (a
 * subscribing processor whose errors propagate, see {@code CommandSideConfiguration}):
 * <ul>
 *   <li>path → file, whose unique key makes "one file per path" hold even under racing uploads: the
 *   loser's whole transaction, events included, rolls back with a {@code DuplicateKeyException};</li>
 *   <li>which versions reference which content, for blob garbage collection.</li>
 * </ul>
 */
@Component
@ProcessingGroup(FilePathRegistry.PROCESSING_GROUP)
public class FilePathRegistry {

    public static final String PROCESSING_GROUP = "file-paths";

    private final JdbcTemplate jdbc;

    public FilePathRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FileId> fileAt(FilePath path) {
        List<String> ids = jdbc.queryForList("SELECT file_id FROM file_path WHERE path = ?", String.class,
                path.toString());
        return ids.stream().findFirst().map(FileId::new);
    }

    @EventHandler
    void on(FileCreated event) {
        jdbc.update("INSERT INTO file_path (path, file_id) VALUES (?, ?)",
                event.path().toString(), event.fileId().value());
        reference(event.fileId(), List.of(event.firstVersion()));
    }

    @EventHandler
    void on(VersionAdded event) {
        reference(event.fileId(), List.of(event.version()));
    }

    @EventHandler
    void on(VersionsAppended event) {
        reference(event.fileId(), event.versions());
    }

    @EventHandler
    void on(VersionDeleted event) {
        jdbc.update("DELETE FROM content_reference WHERE file_id = ? AND version_id = ?",
                event.fileId().value(), event.versionId().value());
    }

    @EventHandler
    void on(FileRenamed event) {
        movePath(event.fileId(), event.newPath());
    }

    @EventHandler
    void on(FileMoved event) {
        movePath(event.fileId(), event.newPath());
    }

    @EventHandler
    void on(FileDeleted event) {
        forget(event.fileId());
    }

    /** The merged-away file's versions now live in the destination, which referenced them itself. */
    @EventHandler
    void on(FileMergedAway event) {
        forget(event.fileId());
    }

    private void movePath(FileId fileId, FilePath newPath) {
        jdbc.update("UPDATE file_path SET path = ? WHERE file_id = ?", newPath.toString(), fileId.value());
    }

    private void forget(FileId fileId) {
        jdbc.update("DELETE FROM file_path WHERE file_id = ?", fileId.value());
        jdbc.update("DELETE FROM content_reference WHERE file_id = ?", fileId.value());
    }

    private void reference(FileId fileId, List<FileVersion> versions) {
        jdbc.batchUpdate("INSERT INTO content_reference (file_id, version_id, content_hash) VALUES (?, ?, ?)"
                        + " ON CONFLICT (file_id, version_id) DO NOTHING",
                versions, versions.size(), (statement, version) -> {
                    statement.setString(1, fileId.value());
                    statement.setString(2, version.versionId().value());
                    statement.setString(3, version.content().hash().sha256());
                });
    }
}
