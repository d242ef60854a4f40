package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileVersion;
import org.axonframework.serialization.Revision;

/** An uploaded version was added to an existing file and became its current version. */
@Revision("1")
public record VersionAdded(FileId fileId, FileVersion version) implements FileEvent {
}
