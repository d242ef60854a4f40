package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.ContentHash;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A file and every one of its versions were permanently deleted; its path is free again. */
@Revision("1")
public record FileDeleted(FileId fileId, FilePath path, List<VersionId> versionIds, List<ContentHash> contentHashes, Instant deletedAt) implements FileEvent {
}
