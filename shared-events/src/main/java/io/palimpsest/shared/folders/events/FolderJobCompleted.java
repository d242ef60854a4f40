package io.palimpsest.shared.folders.events;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderJobType;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A folder job went through every file; for moves and renames the source folder is gone. */
@Revision("1")
public record FolderJobCompleted(String jobId, FolderJobType type, FolderPath source, FolderPath destination, long transferredFiles, long failedFiles, Instant completedAt) {
}
