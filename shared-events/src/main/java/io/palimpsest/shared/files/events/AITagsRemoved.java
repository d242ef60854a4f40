package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** AI tags were removed by name from the current version; carries the resulting AI tags. */
@Revision("1")
public record AITagsRemoved(FileId fileId, VersionId versionId, List<String> removed, List<AITag> aiTags, Instant updatedAt) implements FileEvent {
}
