package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Append versions copied or moved from another file onto this file's history (copy or move onto a
 * same-name file). They are renumbered after this file's highest number; the last becomes current.
 * {@code operationId} makes a retried step of a copy or move process harmless.
 */
public record AppendVersions(
        @TargetAggregateIdentifier FileId fileId,
        FileId sourceFileId,
        VersionSource source,
        List<FileVersion> versions,
        String operationId,
        Instant appendedAt) {

    public AppendVersions {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(sourceFileId, "sourceFileId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(operationId, "operationId");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        if (source == VersionSource.UPLOAD) {
            throw new IllegalArgumentException("uploads add versions with AddVersion");
        }
    }
}
