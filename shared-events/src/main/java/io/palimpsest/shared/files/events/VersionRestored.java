package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A non-current version became current again, keeping its id and number. */
@Revision("1")
public record VersionRestored(FileId fileId, VersionId versionId, VersionId previousCurrentVersionId, Instant restoredAt) implements FileEvent {
}
