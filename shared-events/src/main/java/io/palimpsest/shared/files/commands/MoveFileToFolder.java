package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FolderPath;
import java.time.Instant;
import java.util.Objects;

/**
 * Move a file with all its versions into a folder under its own name. When a file of that name
 * exists there, the moved versions are appended to its history and the moved file ends.
 */
public record MoveFileToFolder(FileId sourceFileId, FolderPath destination, String operationId, Instant movedAt) {

    public MoveFileToFolder {
        Objects.requireNonNull(sourceFileId, "sourceFileId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(movedAt, "movedAt");
    }
}
