package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;

import java.time.Instant;
import java.util.Objects;

/** What garbage collection needs to know about a blob: its key, its size and how recently it was written. */
public record StoredBlob(ContentHash hash, long size, Instant lastModified) {

    public StoredBlob {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }
}
