package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The current version's details were edited (no new version); carries the resulting details. */
@Revision("1")
public record FileDetailsUpdated(FileId fileId, VersionId versionId, VersionDetails details, Instant updatedAt) implements FileEvent {
}
