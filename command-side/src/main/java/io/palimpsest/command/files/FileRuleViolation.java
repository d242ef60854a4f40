package io.palimpsest.command.files;

/**
 * A command broke one of the file's rules. The subclasses are the whole set of domain errors of the
 * write side; the HTTP layer maps each to ImageKit's status, message and reason in one place.
 */
public abstract class FileRuleViolation extends RuntimeException {

    protected FileRuleViolation(String message) {
        super(message, null, false, false);
    }
}
