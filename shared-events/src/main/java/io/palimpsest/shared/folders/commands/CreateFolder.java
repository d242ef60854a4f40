package io.palimpsest.shared.folders.commands;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create an (empty) folder; creating one that exists changes nothing. */
public record CreateFolder(@TargetAggregateIdentifier FolderId folderId, FolderPath path, Instant createdAt) {
}
