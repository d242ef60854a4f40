package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import org.axonframework.serialization.Revision;

/** A file came into being at a free path with its first version (uploaded, or the oldest of a copy);
 * {@code copiedFrom} names the source file of a copy and is null for uploads. */
@Revision("1")
public record FileCreated(FileId fileId, FilePath path, FileVersion firstVersion, FileId copiedFrom) implements FileEvent {
}
