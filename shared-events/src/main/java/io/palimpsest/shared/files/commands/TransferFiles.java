package io.palimpsest.shared.files.commands;

import java.util.List;
import java.util.Objects;

/**
 * Copy or move many files in one unit of work (one transaction): how folder jobs move thousands of
 * files without paying a commit per file. A file whose transfer breaks a rule (its destination is
 * full, it was deleted meanwhile) is skipped and reported; the others go through.
 */
public record TransferFiles(List<Transfer> transfers) {

    public TransferFiles {
        transfers = List.copyOf(transfers);
    }

    /** One file's step: a {@link CopyFileToFolder} or a {@link MoveFileToFolder}. */
    public sealed interface Transfer permits CopyStep, MoveStep {
    }

    public record CopyStep(CopyFileToFolder copy) implements Transfer {

        public CopyStep {
            Objects.requireNonNull(copy, "copy");
        }
    }

    public record MoveStep(MoveFileToFolder move) implements Transfer {

        public MoveStep {
            Objects.requireNonNull(move, "move");
        }
    }
}
