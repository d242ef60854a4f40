package io.palimpsest.shared.files;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file's name including its extension. Names reaching a command are already sanitised (see
 * {@link #sanitise(String)}): letters, digits, {@code . - _} only, never {@code ..}.
 */
public record FileName(String value) {

    public static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._\\-]+");
    private static final Pattern DISALLOWED_CHAR = Pattern.compile("[^\\p{L}\\p{N}.\\-]");

    public FileName {
        Objects.requireNonNull(value, "fileName");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("file name must have 1.." + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("invalid file name: " + value);
        }
    }

    /**
     * ImageKit's rule: characters other than letters, digits, {@code .} and {@code -} become
     * {@code _}. Names that would still be unsafe ({@code ..}, control characters, empty) are refused
     * rather than rewritten, so a traversal attempt never turns into a surprising stored name.
     */
    public static FileName sanitise(String raw) {
        Objects.requireNonNull(raw, "fileName");
        if (raw.isBlank() || raw.contains("..") || raw.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid file name: " + raw);
        }
        return new FileName(DISALLOWED_CHAR.matcher(raw.strip()).replaceAll("_"));
    }

    /** The name without its extension ({@code photo} of {@code photo.jpg}). */
    public String baseName() {
        int dot = value.lastIndexOf('.');
        return dot > 0 ? value.substring(0, dot) : value;
    }

    /** The extension with its dot ({@code .jpg}), or empty. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot > 0 ? value.substring(dot) : "";
    }

    @Override
    public String toString() {
        return value;
    }
}
