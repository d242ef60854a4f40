package io.palimpsest.shared.folders.commands;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a folder job has gone through every file; {@code failedFiles} could not be transferred. */
public record CompleteFolderJob(@TargetAggregateIdentifier String jobId, long transferredFiles, long failedFiles,
                                Instant completedAt) {
}
