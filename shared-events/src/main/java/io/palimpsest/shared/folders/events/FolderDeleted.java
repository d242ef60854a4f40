package io.palimpsest.shared.folders.events;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A folder and every folder under it are gone; the files in them were deleted before, each with its own event. */
@Revision("1")
public record FolderDeleted(FolderId folderId, FolderPath path, Instant deletedAt) {
}
