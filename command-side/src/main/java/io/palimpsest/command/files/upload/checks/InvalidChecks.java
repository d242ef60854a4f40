package io.palimpsest.command.files.upload.checks;

/** A {@code checks} expression that does not parse; the message says what and where (0-based position). */
public final class InvalidChecks extends RuntimeException {

    InvalidChecks(String detail, int position) {
        super(detail + " at position " + position, null, false, false);
    }
}
