package io.palimpsest.shared.folders.commands;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderJobType;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start copying, moving or renaming a folder in the background: every file under {@code source}
 * goes to the same relative place under {@code destination} (the folder that replaces it).
 */
public record StartFolderJob(
        @TargetAggregateIdentifier String jobId,
        FolderJobType type,
        FolderPath source,
        FolderPath destination,
        boolean includeVersions,
        Instant startedAt) {
}
