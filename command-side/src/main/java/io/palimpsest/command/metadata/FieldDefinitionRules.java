package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a custom metadata field definition sound, as ImageKit documents it: rules only where
 * the type has use for them, options for select types, ranges and lengths in order, and a default
 * value that the field itself would accept (required fields must have one). Every broken rule is
 * reported at once, keyed like ImageKit's {@code errors} object ({@code "minValue": "..."}).
 */
final class FieldDefinitionRules {

    static final int MAX_LABEL_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final String NOT_ALLOWED = "not allowed for this type";
    static final String CONTROL_CHARACTERS = "should not contain control characters";

    private FieldDefinitionRules() {
    }

    /** Every broken rule of this definition by property; empty when it is sound. */
    static Map<String, String> problemsWith(String label, FieldSchema schema, String description) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (label == null || label.isBlank()) {
            problems.put("label", "is required");
        } else if (label.length() > MAX_LABEL_LENGTH) {
            problems.put("label", "should be at most " + MAX_LABEL_LENGTH + " characters long");
        } else if (hasControlCharacters(label)) {
            problems.put("label", CONTROL_CHARACTERS);
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            problems.put("description", "should be at most " + MAX_DESCRIPTION_LENGTH + " characters long");
        } else if (hasControlCharacters(description)) {
            problems.put("description", CONTROL_CHARACTERS);
        }
        Map<String, String> schemaProblems = schemaProblems(schema);
        problems.putAll(schemaProblems);
        if (schemaProblems.isEmpty()) {
            defaultValueProblem(schema).ifPresent(problem -> problems.put("defaultValue", problem));
        }
        controlCharacterProblems(schema.constraints(), problems);
        return problems;
    }

    /**
     * Options and values are shown in listings and kept in PostgreSQL, which cannot hold NUL: a control
     * character there is the problem reported for its property, whatever else is wrong with it.
     */
    private static void controlCharacterProblems(FieldConstraints rules, Map<String, String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("selectOptions", rules.selectOptions());
        values.put("defaultValue", rules.defaultValue());
        values.put("minValue", rules.minValue());
        values.put("maxValue", rules.maxValue());
        values.forEach((property, value) -> {
            if (hasControlCharacters(value)) {
                problems.put(property, CONTROL_CHARACTERS);
            }
        });
    }

    private static Map<String, String> schemaProblems(FieldSchema schema) {
        Map<String, String> problems = new LinkedHashMap<>();
        FieldType type = schema.type();
        FieldConstraints rules = schema.constraints();
        if (type.isSelect()) {
            selectOptionsProblem(rules.selectOptions()).ifPresent(p -> problems.put("selectOptions", p));
        } else if (rules.hasSelectOptions()) {
            problems.put("selectOptions", NOT_ALLOWED);
        }
        if (type == FieldType.NUMBER) {
            range(problems, rules, FieldValues::number, "should be of type number");
        } else if (type == FieldType.DATE) {
            range(problems, rules, FieldValues::date, "should be a date string in ISO 8601 format");
        } else {
            notAllowed(problems, "minValue", rules.minValue());
            notAllowed(problems, "maxValue", rules.maxValue());
        }
        if (type.isText()) {
            lengths(problems, rules);
        } else {
            notAllowed(problems, "minLength", rules.minLength());
            notAllowed(problems, "maxLength", rules.maxLength());
        }
        return problems;
    }

    /** Whether a string, or any string in a list, holds a control character other than a tab or a line break. */
    private static boolean hasControlCharacters(Object value) {
        if (value instanceof String text) {
            return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        }
        return value instanceof List<?> list && list.stream().anyMatch(FieldDefinitionRules::hasControlCharacters);
    }

    private static Optional<String> selectOptionsProblem(List<Object> options) {
        if (options.isEmpty()) {
            return Optional.of("is required for SingleSelect and MultiSelect fields");
        }
        if (!options.stream().allMatch(FieldValues::isScalar)) {
            return Optional.of("should contain only strings, numbers and booleans");
        }
        List<Object> seen = new ArrayList<>();
        for (Object option : options) {
            if (seen.stream().anyMatch(earlier -> FieldValues.sameValue(earlier, option))) {
                return Optional.of("should not contain duplicates (" + option + ")");
            }
            seen.add(option);
        }
        return Optional.empty();
    }

    private static <T extends Comparable<T>> void range(Map<String, String> problems, FieldConstraints rules,
                                                        Function<Object, Optional<T>> read, String wrongKind) {
        Optional<T> min = bound(problems, "minValue", rules.minValue(), read, wrongKind);
        Optional<T> max = bound(problems, "maxValue", rules.maxValue(), read, wrongKind);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            problems.put("minValue", "should not be greater than maxValue");
        }
    }

    private static <T> Optional<T> bound(Map<String, String> problems, String property, Object value,
                                         Function<Object, Optional<T>> read, String wrongKind) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<T> bound = read.apply(value);
        if (bound.isEmpty()) {
            problems.put(property, wrongKind);
        }
        return bound;
    }

    private static void lengths(Map<String, String> problems, FieldConstraints rules) {
        Integer min = rules.minLength();
        Integer max = rules.maxLength();
        if (min != null && min < 0) {
            problems.put("minLength", "should not be negative");
        }
        if (max != null && max < 1) {
            problems.put("maxLength", "should be at least 1");
        }
        if (min != null && max != null && min >= 0 && max >= 1 && min > max) {
            problems.put("minLength", "should not be greater than maxLength");
        }
    }

    private static void notAllowed(Map<String, String> problems, String property, Object value) {
        if (value != null) {
            problems.put(property, NOT_ALLOWED);
        }
    }

    private static Optional<String> defaultValueProblem(FieldSchema schema) {
        Object defaultValue = schema.constraints().defaultValue();
        if (defaultValue == null) {
            return schema.constraints().valueRequired()
                    ? Optional.of("is required when isValueRequired is true")
                    : Optional.empty();
        }
        return FieldValues.problemWith(schema, defaultValue);
    }
}
