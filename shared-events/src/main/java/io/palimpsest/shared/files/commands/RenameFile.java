package io.palimpsest.shared.files.commands;

import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rename a file in its folder; all versions keep their history under the new name. */
public record RenameFile(@TargetAggregateIdentifier FileId fileId, FileName newName, Instant renamedAt) {
}
