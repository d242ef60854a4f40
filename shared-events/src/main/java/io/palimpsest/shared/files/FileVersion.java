package io.palimpsest.shared.files;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a file as events carry it: identity, its number in the file's history
 * ({@code "Version N"}), the content it points at, its own metadata snapshot and when it was created.
 */
public record FileVersion(
        VersionId versionId,
        int number,
        Content content,
        VersionDetails details,
        Instant createdAt,
        VersionSource source) {

    public FileVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(source, "source");
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1");
        }
    }

    public String name() {
        return "Version " + number;
    }

    public FileVersion withDetails(VersionDetails newDetails) {
        return new FileVersion(versionId, number, content, newDetails, createdAt, source);
    }
}
