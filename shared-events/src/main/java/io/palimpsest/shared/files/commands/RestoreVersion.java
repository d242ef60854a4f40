package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a non-current version current again, in place (it keeps its id and number). */
public record RestoreVersion(@TargetAggregateIdentifier FileId fileId, VersionId versionId, Instant restoredAt) {
}
