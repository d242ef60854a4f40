package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A file moved to another folder; every version went with it. */
@Revision("1")
public record FileMoved(FileId fileId, FilePath oldPath, FilePath newPath, Instant movedAt) implements FileEvent {
}
