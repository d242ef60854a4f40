package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.FieldName;

/** Another field, deleted or not, already has this name: names are never used twice. */
public final class FieldNameTaken extends FieldRuleViolation {

    public FieldNameTaken(FieldName name) {
        super("a custom metadata field named " + name + " exists or existed");
    }
}
