package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Permanently delete one non-current version. */
public record DeleteVersion(@TargetAggregateIdentifier FileId fileId, VersionId versionId, Instant deletedAt) {
}
