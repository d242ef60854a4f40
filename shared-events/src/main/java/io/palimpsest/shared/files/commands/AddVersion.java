package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add an uploaded version to the file found at {@code expectedPath}; it becomes current. The path
 * guards against the file having been renamed or moved since it was looked up.
 */
public record AddVersion(
        @TargetAggregateIdentifier FileId fileId,
        FilePath expectedPath,
        VersionUpload upload,
        OverwriteRules overwrite) {

    public AddVersion {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(expectedPath, "expectedPath");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(overwrite, "overwrite");
    }
}
