package io.palimpsest.command.metadata;

/** A field that is not deleted already has this label. */
public final class FieldLabelTaken extends FieldRuleViolation {

    public FieldLabelTaken(String label) {
        super("a custom metadata field labelled " + label + " exists");
    }
}
