package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.ContentHash;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A non-current version was permanently deleted; its content may now be unreferenced. */
@Revision("1")
public record VersionDeleted(FileId fileId, VersionId versionId, ContentHash contentHash, Instant deletedAt) implements FileEvent {
}
