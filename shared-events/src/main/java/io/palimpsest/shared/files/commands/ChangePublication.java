package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish or unpublish the current version, or every version with {@code includeFileVersions}. */
public record ChangePublication(
        @TargetAggregateIdentifier FileId fileId,
        boolean published,
        boolean includeFileVersions,
        Instant changedAt) {
}
