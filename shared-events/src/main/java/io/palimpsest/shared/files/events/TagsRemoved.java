package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Tags were removed from the current version; carries the removed tags and the resulting tag list. */
@Revision("1")
public record TagsRemoved(FileId fileId, VersionId versionId, List<String> removed, List<String> tags, Instant updatedAt) implements FileEvent {
}
