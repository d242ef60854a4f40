package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Upload bytes written to a temporary file (not yet durable: {@link BlobStore#put} makes them so), with the
 * hash and size computed on the way.
 */
public record StagedFile(Path path, ContentHash hash, long size) {

    public StagedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hash, "hash");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }
}
