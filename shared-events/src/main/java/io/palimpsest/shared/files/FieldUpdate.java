package io.palimpsest.shared.files;

/**
 * One field of a partial update. A null {@code FieldUpdate} leaves the field as it is; a
 * {@code FieldUpdate} holding null clears it; otherwise the field takes {@link #value()}.
 */
public record FieldUpdate<T>(T value) {

    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(value);
    }

    public static <T> FieldUpdate<T> clear() {
        return new FieldUpdate<>(null);
    }
}
