package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Permanently delete a file and every one of its versions. */
public record DeleteFile(@TargetAggregateIdentifier FileId fileId, Instant deletedAt) {
}
