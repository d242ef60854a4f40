package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A file got a new name in the same folder; every version went with it. */
@Revision("1")
public record FileRenamed(FileId fileId, FilePath oldPath, FilePath newPath, Instant renamedAt) implements FileEvent {
}
