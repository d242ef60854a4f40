package io.palimpsest.command.metadata;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.ApiErrorTranslator;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The custom metadata field rules as ImageKit reports them (its OpenAPI description and docs): 400
 * for definitions that are unsound or take a name or label in use, 404 for unknown fields.
 */
@Component
class FieldErrorTranslator implements ApiErrorTranslator {

    static final String INVALID_FIELD = "Invalid field object";
    static final String NAME_TAKEN = "A custom metadata field with this name already exists.";
    static final String LABEL_TAKEN = "A custom metadata field with this label already exists.";
    /** ImageKit's wording, plural included. */
    static final String DELETED = "Cannot update a deleted custom metadata fields.";
    static final String NOT_FOUND = "No such custom metadata field exists.";

    @Override
    public Optional<ApiError> translate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FieldRuleViolation violation) {
                return Optional.of(translateOne(violation));
            }
        }
        return Optional.empty();
    }

    private static ApiError translateOne(FieldRuleViolation violation) {
        if (violation instanceof InvalidFieldDefinition invalid) {
            return new ApiError(HttpStatus.BAD_REQUEST, INVALID_FIELD, null, Map.of("errors", invalid.problems()));
        }
        if (violation instanceof FieldNameTaken) {
            return ApiError.badRequest(NAME_TAKEN);
        }
        if (violation instanceof FieldLabelTaken) {
            return ApiError.badRequest(LABEL_TAKEN);
        }
        if (violation instanceof DeletedFieldNotUpdatable) {
            return ApiError.badRequest(DELETED);
        }
        if (violation instanceof NoSuchField) {
            return ApiError.notFound(NOT_FOUND);
        }
        return ApiError.badRequest(violation.getMessage());
    }
}
