package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a file at a free path from its first uploaded version. */
public record CreateFile(@TargetAggregateIdentifier FileId fileId, FilePath path, VersionUpload upload) {

    public CreateFile {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(upload, "upload");
    }
}
