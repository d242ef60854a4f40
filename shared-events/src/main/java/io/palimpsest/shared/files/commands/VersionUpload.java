package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A version as a client uploaded it. Null tags, customMetadata, customCoordinates or description mean
 * "not sent": for a new file that is none; onto an existing file the overwrite rules decide.
 */
public record VersionUpload(
        VersionId versionId,
        Content content,
        List<String> tags,
        Map<String, Object> customMetadata,
        String customCoordinates,
        String description,
        boolean privateFile,
        boolean published,
        Instant uploadedAt) {

    public VersionUpload {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    /** This upload as the first version of a new file: what it did not send, it does not have. */
    public FileVersion asFirstVersion() {
        VersionDetails details = new VersionDetails(tags, List.of(), customMetadata, customCoordinates, description,
                privateFile, published);
        return new FileVersion(versionId, 1, content, details, uploadedAt, VersionSource.UPLOAD);
    }
}
