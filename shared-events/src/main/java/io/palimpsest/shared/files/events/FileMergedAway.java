package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A file ended because its versions were moved onto another file's history; its path is free again. */
@Revision("1")
public record FileMergedAway(FileId fileId, FilePath path, FileId destinationFileId, Instant mergedAt) implements FileEvent {
}
