package io.palimpsest.shared.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rules a custom metadata field's values follow, apart from its type (ImageKit's {@code schema}
 * without {@code type}). Values are JSON scalars as Jackson reads them ({@code String},
 * {@code Number}, {@code Boolean}; a {@code List} of them for a MultiSelect default), because
 * ImageKit lets options and defaults mix strings, numbers and booleans. Absent rules are null;
 * {@code selectOptions} is never null (empty means none). Whether the rules make sense for a type
 * is the aggregate's business: it reports every broken rule at once.
 *
 * @param minValue a number for Number fields, an ISO 8601 string for Date fields
 * @param maxValue a number for Number fields, an ISO 8601 string for Date fields
 */
public record FieldConstraints(
        List<Object> selectOptions,
        Object defaultValue,
        boolean valueRequired,
        Object minValue,
        Object maxValue,
        Integer minLength,
        Integer maxLength) {

    public static final FieldConstraints NONE = new FieldConstraints(List.of(), null, false, null, null, null, null);

    public FieldConstraints {
        // not List.copyOf: an option of the wrong kind (even null) is a rule broken, reported by
        // the aggregate, not a crash here
        selectOptions = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNullElse(selectOptions,
                List.of())));
        if (defaultValue instanceof List<?> values) {
            defaultValue = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public boolean hasSelectOptions() {
        return !selectOptions.isEmpty();
    }
}
