package io.palimpsest.shared.files;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a file, stable across all its versions. Same shape as ImageKit's ids: 24 lower-case hex
 * characters (a MongoDB ObjectId), generated at the edge, never inside an aggregate.
 */
public record FileId(String value) {

    static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    public FileId {
        Objects.requireNonNull(value, "fileId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a fileId: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** The first version of a file shares its id, as in ImageKit. */
    public VersionId firstVersionId() {
        return new VersionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
