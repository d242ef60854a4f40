package io.palimpsest.shared.folders.events;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderJobType;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A background copy, move or rename of a folder started; destination is the folder that will hold the result. */
@Revision("1")
public record FolderJobStarted(String jobId, FolderJobType type, FolderPath source, FolderPath destination, boolean includeVersions, Instant startedAt) {
}
