package io.palimpsest.shared.files;

import java.util.Objects;
import java.util.regex.Pattern;

/** SHA-256 of a version's bytes, lower-case hex; also the content-addressed key of the blob. */
public record ContentHash(String sha256) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        Objects.requireNonNull(sha256, "sha256");
        if (!SHAPE.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
    }

    @Override
    public String toString() {
        return sha256;
    }
}
