package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a value suits a field: the one check behind both a field's {@code defaultValue} and the
 * {@code customMetadata} of uploads and detail edits. Values are JSON scalars as Jackson reads them;
 * numbers compare by value ({@code 30} equals {@code 30.0}), never with strings ({@code "30"}).
 */
final class FieldValues {

    private FieldValues() {
    }

    /** What is wrong with {@code value} for a field of this schema, in words for an error body; empty if nothing. */
    static Optional<String> problemWith(FieldSchema schema, Object value) {
        FieldConstraints rules = schema.constraints();
        return switch (schema.type()) {
            case TEXT, TEXTAREA -> textProblem(rules, value);
            case NUMBER -> numberProblem(rules, value);
            case DATE -> dateProblem(rules, value);
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("should be of type boolean");
            case SINGLE_SELECT -> isOption(rules, value) ? Optional.empty()
                    : Optional.of("should be one of the selectOptions: " + describe(rules.selectOptions()));
            case MULTI_SELECT -> value instanceof List<?> values && values.stream().allMatch(v -> isOption(rules, v))
                    ? Optional.empty()
                    : Optional.of("should be an array of values from the selectOptions: "
                            + describe(rules.selectOptions()));
        };
    }

    private static Optional<String> textProblem(FieldConstraints rules, Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("should be of type string");
        }
        int length = text.codePointCount(0, text.length());
        if (rules.minLength() != null && length < rules.minLength()) {
            return Optional.of("should be at least " + rules.minLength() + " characters long");
        }
        if (rules.maxLength() != null && length > rules.maxLength()) {
            return Optional.of("should be at most " + rules.maxLength() + " characters long");
        }
        return Optional.empty();
    }

    private static Optional<String> numberProblem(FieldConstraints rules, Object value) {
        Optional<BigDecimal> number = number(value);
        if (number.isEmpty()) {
            return Optional.of("should be of type number");
        }
        Optional<BigDecimal> min = number(rules.minValue());
        if (min.isPresent() && number.get().compareTo(min.get()) < 0) {
            return Optional.of("should be greater than or equal to " + rules.minValue());
        }
        Optional<BigDecimal> max = number(rules.maxValue());
        if (max.isPresent() && number.get().compareTo(max.get()) > 0) {
            return Optional.of("should be less than or equal to " + rules.maxValue());
        }
        return Optional.empty();
    }

    private static Optional<String> dateProblem(FieldConstraints rules, Object value) {
        Optional<Instant> date = date(value);
        if (date.isEmpty()) {
            return Optional.of("should be a date string in ISO 8601 format");
        }
        Optional<Instant> min = date(rules.minValue());
        if (min.isPresent() && date.get().isBefore(min.get())) {
            return Optional.of("should not be earlier than " + rules.minValue());
        }
        Optional<Instant> max = date(rules.maxValue());
        if (max.isPresent() && date.get().isAfter(max.get())) {
            return Optional.of("should not be later than " + rules.maxValue());
        }
        return Optional.empty();
    }

    static boolean isOption(FieldConstraints rules, Object value) {
        return rules.selectOptions().stream().anyMatch(option -> sameValue(option, value));
    }

    static boolean sameValue(Object a, Object b) {
        Optional<BigDecimal> left = number(a);
        Optional<BigDecimal> right = number(b);
        if (left.isPresent() && right.isPresent()) {
            return left.get().compareTo(right.get()) == 0;
        }
        return a != null && !(a instanceof Number) && a.equals(b);
    }

    /** A finite JSON number as an exact decimal; empty for anything else. */
    static Optional<BigDecimal> number(Object value) {
        if (!(value instanceof Number number)) {
            return Optional.empty();
        }
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            return Optional.empty();
        }
        return Optional.of(number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString()));
    }

    /**
     * An ISO 8601 date ({@code 2024-05-01}, midnight UTC) or date-time, with an offset or without one
     * (then UTC), as ImageKit's examples write them ({@code 2010-11-05T05:06:07}).
     */
    static Optional<Instant> date(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return Optional.of(parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Scalars a field's options and values may be: strings, finite numbers, booleans. */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || number(value).isPresent();
    }

    private static String describe(List<Object> options) {
        return options.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
