package io.palimpsest.shared.files;

import java.util.Objects;

/** Identity of one version of a file; the first version's id equals its file's id. */
public record VersionId(String value) {

    public VersionId {
        Objects.requireNonNull(value, "versionId");
        if (!FileId.SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a versionId: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return FileId.isValid(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
