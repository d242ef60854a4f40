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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * <p>It also remembers, in memory, the files it has found or seen recorded at a path, for uploads: most
 * uploads go to a path that already holds a file, and remembering saves them a database round trip.
 * A remembered answer may be stale (the file was renamed, moved or deleted since, here or on another
 * node), so only commands that check the path themselves may act on it; see {@link #rememberedFileAt}.
 */
@Component
@ProcessingGroup(FilePathRegistry.PROCESSING_GROUP)
public class FilePathRegistry {

    public static final String PROCESSING_GROUP = "file-paths";

    /** About 200 bytes an entry: a few megabytes at most. */
    private static final long REMEMBERED_PATHS = 20_000;

    private final JdbcTemplate jdbc;
    private final Cache<FilePath, FileId> remembered = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_PATHS)
            .executor(Runnable::run)
            .build();

    public FilePathRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The file at a path, as committed now. */
    public Optional<FileId> fileAt(FilePath path) {
        List<String> ids = jdbc.queryForList("SELECT file_id FROM file_path WHERE path = ?", String.class,
                path.toString());
        Optional<FileId> found = ids.stream().findFirst().map(FileId::new);
        found.ifPresent(fileId -> remembered.put(path, fileId));
        return found;
    }

    /**
     * The file last seen at a path, or else {@link #fileAt}. The answer may be stale: act on it only
     * with a command that names the path it expects (the file aggregate refuses it with
     * {@code StalePath} if the file has moved; a deleted file is not found), and call {@link #forgetRemembered}
     * before looking again after such a refusal. A free path is never remembered, so a path that
     * looks free here is free in the database too (until a racing request takes it, which its unique
     * key catches).
     */
    public Optional<FileId> rememberedFileAt(FilePath path) {
        FileId fileId = remembered.getIfPresent(path);
        return fileId != null ? Optional.of(fileId) : fileAt(path);
    }

    /** Remembers a file at a path once a command that put it there has committed. */
    public void remember(FilePath path, FileId fileId) {
        remembered.put(path, fileId);
    }

    /** Forgets what was remembered at a path, after a command found it stale. */
    public void forgetRemembered(FilePath path) {
        remembered.invalidate(path);
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
        remembered.invalidate(event.oldPath());
        movePath(event.fileId(), event.newPath());
    }

    @EventHandler
    void on(FileMoved event) {
        remembered.invalidate(event.oldPath());
        movePath(event.fileId(), event.newPath());
    }

    @EventHandler
    void on(FileDeleted event) {
        remembered.invalidate(event.path());
        forget(event.fileId());
    }

    /** The merged-away file's versions now live in the destination, which referenced them itself. */
    @EventHandler
    void on(FileMergedAway event) {
        remembered.invalidate(event.path());
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
