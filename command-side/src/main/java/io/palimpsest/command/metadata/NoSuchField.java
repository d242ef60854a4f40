package io.palimpsest.command.metadata;

/** No custom metadata field has this id, or it is deleted already. */
public final class NoSuchField extends FieldRuleViolation {

    public NoSuchField(String fieldId) {
        super("no custom metadata field " + fieldId);
    }
}
