package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Tags were added to the current version; carries the added tags and the resulting tag list. */
@Revision("1")
public record TagsAdded(FileId fileId, VersionId versionId, List<String> added, List<String> tags, Instant updatedAt) implements FileEvent {
}
