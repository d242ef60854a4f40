package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FolderPath;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a file with all its versions into another folder where no file of its name exists. */
public record MoveFile(@TargetAggregateIdentifier FileId fileId, FolderPath destination, Instant movedAt) {
}
