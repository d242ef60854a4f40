package io.palimpsest.command.metadata;

/**
 * A command broke one of the rules of custom metadata field definitions. The subclasses are the whole
 * set; {@link FieldErrorTranslator} gives each ImageKit's status and message.
 */
public abstract sealed class FieldRuleViolation extends RuntimeException
        permits InvalidFieldDefinition, FieldNameTaken, FieldLabelTaken, DeletedFieldNotUpdatable, NoSuchField {

    protected FieldRuleViolation(String message) {
        super(message, null, false, false);
    }
}
