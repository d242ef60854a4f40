package io.palimpsest.shared.metadata;

import java.util.Objects;

/** ImageKit's {@code schema} of a custom metadata field: its type, fixed at creation, and its rules. */
public record FieldSchema(FieldType type, FieldConstraints constraints) {

    public FieldSchema {
        Objects.requireNonNull(type, "type");
        constraints = Objects.requireNonNullElse(constraints, FieldConstraints.NONE);
    }

    public static FieldSchema of(FieldType type) {
        return new FieldSchema(type, FieldConstraints.NONE);
    }

    public FieldSchema withConstraints(FieldConstraints newConstraints) {
        return new FieldSchema(type, newConstraints);
    }
}
