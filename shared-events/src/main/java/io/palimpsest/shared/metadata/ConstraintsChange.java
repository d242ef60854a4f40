package io.palimpsest.shared.metadata;

import io.palimpsest.shared.files.FieldUpdate;
import java.util.List;
import java.util.Objects;

/**
 * A partial edit of a field's rules (the {@code schema} of ImageKit's PATCH, whose {@code type} cannot
 * change): a null {@link FieldUpdate} keeps that rule, one holding null removes it, any other sets it.
 */
public record ConstraintsChange(
        FieldUpdate<List<Object>> selectOptions,
        FieldUpdate<Object> defaultValue,
        FieldUpdate<Boolean> valueRequired,
        FieldUpdate<Object> minValue,
        FieldUpdate<Object> maxValue,
        FieldUpdate<Integer> minLength,
        FieldUpdate<Integer> maxLength) {

    public static final ConstraintsChange NONE = new ConstraintsChange(null, null, null, null, null, null, null);

    /** The rules that result from applying this edit to {@code current}. */
    public FieldConstraints applyTo(FieldConstraints current) {
        return new FieldConstraints(
                pick(selectOptions, current.selectOptions()),
                pick(defaultValue, current.defaultValue()),
                Boolean.TRUE.equals(pick(valueRequired, current.valueRequired())),
                pick(minValue, current.minValue()),
                pick(maxValue, current.maxValue()),
                pick(minLength, current.minLength()),
                pick(maxLength, current.maxLength()));
    }

    private static <T> T pick(FieldUpdate<? extends T> update, T current) {
        return update == null ? current : update.value();
    }

    public boolean changesNothing() {
        return Objects.equals(this, NONE);
    }
}
