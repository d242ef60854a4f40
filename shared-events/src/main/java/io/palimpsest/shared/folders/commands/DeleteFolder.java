package io.palimpsest.shared.folders.commands;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a folder and everything under it is gone (its files are deleted one by one first). */
public record DeleteFolder(@TargetAggregateIdentifier FolderId folderId, FolderPath path, Instant deletedAt) {
}
