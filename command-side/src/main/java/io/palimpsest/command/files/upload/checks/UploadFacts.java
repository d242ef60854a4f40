package io.palimpsest.command.files.upload.checks;

import io.palimpsest.shared.files.FolderPath;
import java.util.Objects;

/**
 * What an upload's checks can ask about: where it goes and what its bytes turned out to be. Width and
 * height are null for anything that is not a raster image.
 */
public record UploadFacts(FolderPath folder, long size, String mime, Integer width, Integer height) {

    public UploadFacts {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(mime, "mime");
    }
}
