package io.palimpsest.shared.metadata;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a custom metadata field definition, in ImageKit's id shape (24 lower-case hex
 * characters), generated at the edge, never inside the aggregate.
 */
public record CustomMetadataFieldId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    public CustomMetadataFieldId {
        Objects.requireNonNull(value, "custom metadata field id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a custom metadata field id: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
