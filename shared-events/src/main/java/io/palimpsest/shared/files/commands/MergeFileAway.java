package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a file whose versions were moved onto another file's history (move onto a same-name file). */
public record MergeFileAway(@TargetAggregateIdentifier FileId fileId, FileId destinationFileId, Instant mergedAt) {
}
