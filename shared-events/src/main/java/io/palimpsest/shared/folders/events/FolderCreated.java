package io.palimpsest.shared.folders.events;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A folder was created explicitly (folders also exist implicitly while files are in them). */
@Revision("1")
public record FolderCreated(FolderId folderId, FolderPath path, Instant createdAt) {
}
