package io.palimpsest.command.folders;

import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.events.FolderCreated;
import io.palimpsest.shared.folders.events.FolderDeleted;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import io.palimpsest.shared.folders.events.FolderJobStarted;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side's folder and job lookups, in the same transaction as their events (the subscribing
 * {@value FilePathRegistry#PROCESSING_GROUP} processor), plus the prefix queries folder operations need.
 */
@Component
@ProcessingGroup(FilePathRegistry.PROCESSING_GROUP)
public class FolderRegistry {

    /** A file under a folder, as a folder operation walks them. */
    public record FileEntry(String fileId, String path) {
    }

    private final JdbcTemplate jdbc;

    public FolderRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the folder exists: created explicitly, or holding at least one file. */
    public boolean exists(FolderPath folder) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM folder_path WHERE path LIKE ? ESCAPE '\\')"
                        + " OR EXISTS (SELECT 1 FROM file_path WHERE path LIKE ? ESCAPE '\\')",
                Boolean.class, under(folder), under(folder)));
    }

    /** Files and versions under a folder, for ImageKit's 100,000-object limit. */
    public long objectsUnder(FolderPath folder) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM content_reference r JOIN file_path p"
                + " ON p.file_id = r.file_id WHERE p.path LIKE ? ESCAPE '\\'", Long.class, under(folder));
        return count == null ? 0 : count;
    }

    /** The next page of files under a folder, in path order after {@code afterPath}. */
    public List<FileEntry> filesUnder(FolderPath folder, String afterPath, int limit) {
        return jdbc.query("SELECT file_id, path FROM file_path WHERE path LIKE ? ESCAPE '\\' AND path > ?"
                        + " ORDER BY path LIMIT ?",
                (row, i) -> new FileEntry(row.getString("file_id"), row.getString("path")),
                under(folder), afterPath, limit);
    }

    public List<String> pendingJobs() {
        return jdbc.queryForList("SELECT job_id FROM folder_job WHERE status = 'Pending' ORDER BY started_at",
                String.class);
    }

    @EventHandler
    void on(FolderCreated event) {
        jdbc.update("INSERT INTO folder_path (path, folder_id) VALUES (?, ?) ON CONFLICT (path) DO NOTHING",
                event.path().value(), event.folderId().value());
    }

    @EventHandler
    void on(FolderDeleted event) {
        jdbc.update("DELETE FROM folder_path WHERE path LIKE ? ESCAPE '\\'", under(event.path()));
    }

    @EventHandler
    void on(FolderJobStarted event) {
        jdbc.update("INSERT INTO folder_job (job_id, type, source, destination, include_versions, status, started_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'Pending', ?)",
                event.jobId(), event.type().name(), event.source().value(), event.destination().value(),
                event.includeVersions(), Timestamp.from(event.startedAt()));
    }

    @EventHandler
    void on(FolderJobCompleted event) {
        jdbc.update("UPDATE folder_job SET status = 'Completed', completed_at = ? WHERE job_id = ?",
                Timestamp.from(event.completedAt()), event.jobId());
        if (event.type() != FolderJobType.COPY_FOLDER) {
            jdbc.update("DELETE FROM folder_path WHERE path LIKE ? ESCAPE '\\'", under(event.source()));
        }
    }

    /** The LIKE pattern of everything under a folder, the folder itself included. */
    static String under(FolderPath folder) {
        return folder.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
