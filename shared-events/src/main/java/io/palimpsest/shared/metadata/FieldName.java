package io.palimpsest.shared.metadata;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The API name of a custom metadata field: the key under which assets carry its value in
 * {@code customMetadata}, and the {@code <name>} of {@code "customMetadata.<name>"} in search queries.
 * A letter first, then letters, digits, {@code _} or {@code -}, at most {@value #MAX_LENGTH}
 * characters, so a name never needs escaping in a query nor collides with the search index's own
 * {@code customMetadata._keys}.
 */
public record FieldName(String value) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public FieldName {
        Objects.requireNonNull(value, "name");
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid custom metadata field name: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
