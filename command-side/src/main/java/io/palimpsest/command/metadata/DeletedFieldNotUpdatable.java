package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;

/** A deleted field stays as it was when deleted. */
public final class DeletedFieldNotUpdatable extends FieldRuleViolation {

    public DeletedFieldNotUpdatable(CustomMetadataFieldId fieldId) {
        super("custom metadata field " + fieldId + " is deleted");
    }
}
