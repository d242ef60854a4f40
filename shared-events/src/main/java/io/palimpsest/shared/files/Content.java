package io.palimpsest.shared.files;

import java.util.Objects;

/**
 * What was detected from a version's bytes when they were stored: the bytes themselves stay in the
 * blob store under {@link #hash()}. Width, height and hasAlpha are null for non-images.
 */
public record Content(ContentHash hash, long size, String mime, Integer width, Integer height, Boolean hasAlpha) {

    public Content {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(mime, "mime");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
