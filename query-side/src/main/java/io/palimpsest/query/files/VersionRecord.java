package io.palimpsest.query.files;

import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import java.time.Instant;

/** One version as the read models keep it: its content facts, its own details and its own times. */
public record VersionRecord(
        String versionId,
        int number,
        String contentHash,
        long size,
        String mime,
        Integer width,
        Integer height,
        Boolean hasAlpha,
        VersionDetails details,
        Instant createdAt,
        Instant updatedAt) {

    static VersionRecord of(FileVersion version, Instant at) {
        return new VersionRecord(version.versionId().value(), version.number(), version.content().hash().sha256(),
                version.content().size(), version.content().mime(), version.content().width(),
                version.content().height(), version.content().hasAlpha(), version.details(), version.createdAt(), at);
    }

    public String name() {
        return "Version " + number;
    }

    VersionRecord withDetails(VersionDetails newDetails, Instant at) {
        return new VersionRecord(versionId, number, contentHash, size, mime, width, height, hasAlpha, newDetails,
                createdAt, at);
    }
}
