package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Versions were published or unpublished (the current one, or all with includeFileVersions). */
@Revision("1")
public record PublicationChanged(FileId fileId, List<VersionId> versionIds, boolean published, Instant changedAt) implements FileEvent {
}
