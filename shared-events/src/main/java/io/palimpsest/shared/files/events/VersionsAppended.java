package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileVersion;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Versions copied or moved from another file were appended to this file's history; the last became current. */
@Revision("1")
public record VersionsAppended(FileId fileId, FileId sourceFileId, List<FileVersion> versions, String operationId, Instant appendedAt) implements FileEvent {
}
