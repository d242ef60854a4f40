package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a file at a free path from versions copied out of another file's history (oldest first,
 * already carrying their new ids). No bytes are copied: versions share the source's content.
 */
public record CreateFileFromCopy(
        @TargetAggregateIdentifier FileId fileId,
        FilePath path,
        FileId sourceFileId,
        List<FileVersion> versions,
        Instant copiedAt) {

    public CreateFileFromCopy {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sourceFileId, "sourceFileId");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a copy needs at least one version");
        }
    }
}
