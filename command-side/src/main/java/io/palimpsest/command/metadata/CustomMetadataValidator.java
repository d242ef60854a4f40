package io.palimpsest.command.metadata;

import io.palimpsest.command.metadata.CustomMetadataFieldRegistry.RegisteredField;
import io.palimpsest.platform.web.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code customMetadata} of a request against the custom metadata fields, as ImageKit does
 * on upload and on detail edits: every key must name a field that is not deleted, every value must
 * suit its field (type, range, length, select options), and every required field must have a value
 * in the request. Reads the write side's own registry, so a field is usable as soon as its creation
 * was answered. Blocking (one small query): call it off the event loop.
 */
@Component
public class CustomMetadataValidator {

    public static final String INVALID = "Invalid custom metadata.";
    public static final String REASON = "INVALID_CUSTOM_METADATA";

    private final CustomMetadataFieldRegistry registry;

    CustomMetadataValidator(CustomMetadataFieldRegistry registry) {
        this.registry = registry;
    }

    /**
     * Validates the {@code customMetadata} object exactly as a request sent it; call it only when the
     * request has one. A null value unsets its key (detail edits), which a required field refuses.
     *
     * @throws ApiError 400 {@code {"message": "Invalid custom metadata.", "help", "reason", "errors":
     *                  {"<key>": "<what is wrong>"}}} naming every offending key
     */
    public void validate(Map<String, Object> customMetadata) {
        Objects.requireNonNull(customMetadata, "customMetadata");
        Map<String, RegisteredField> fields = registry.fieldsByName();
        Map<String, String> errors = new LinkedHashMap<>();
        customMetadata.forEach((key, value) -> {
            RegisteredField field = fields.get(key);
            if (field == null) {
                errors.put(key, "is not a custom metadata field; create the field first");
            } else if (field.deleted()) {
                errors.put(key, "is a deleted custom metadata field");
            } else if (value == null) {
                if (field.schema().constraints().valueRequired()) {
                    errors.put(key, "is required");
                }
            } else {
                FieldValues.problemWith(field.schema(), value).ifPresent(problem -> errors.put(key, problem));
            }
        });
        fields.values().stream()
                .filter(field -> !field.deleted() && field.schema().constraints().valueRequired())
                .filter(field -> !customMetadata.containsKey(field.name().value()))
                .forEach(field -> errors.put(field.name().value(), "is required"));
        if (!errors.isEmpty()) {
            throw new ApiError(HttpStatus.BAD_REQUEST, INVALID, REASON, Map.of("errors", errors));
        }
    }
}
