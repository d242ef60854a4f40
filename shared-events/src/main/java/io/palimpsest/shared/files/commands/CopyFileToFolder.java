package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FolderPath;
import java.time.Instant;
import java.util.Objects;

/**
 * Copy a file into a folder under its own name: a new file there, or, when a file of that name
 * exists, its history grows by the copied versions. The current version only, or every version
 * with {@code includeFileVersions}. {@code operationId} makes a retried copy harmless.
 */
public record CopyFileToFolder(
        FileId sourceFileId,
        FolderPath destination,
        boolean includeFileVersions,
        String operationId,
        Instant copiedAt) {

    public CopyFileToFolder {
        Objects.requireNonNull(sourceFileId, "sourceFileId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(copiedAt, "copiedAt");
    }
}
