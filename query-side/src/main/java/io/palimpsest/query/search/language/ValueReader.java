package io.palimpsest.query.search.language;

import io.palimpsest.query.search.language.Token.Kind;
import io.palimpsest.query.search.language.Value.Bool;
import io.palimpsest.query.search.language.Value.Numeric;
import io.palimpsest.query.search.language.Value.Text;
import io.palimpsest.query.search.language.Value.Timestamp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads a literal of the query as a value of the field it is compared with, or says why it cannot. */
final class ValueReader {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)Z?");
    private static final Pattern RELATIVE_TIME = Pattern.compile("(\\d+)([hdwmy])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TYPES = Set.of("file", "file-version", "folder");
    private static final BigDecimal KIBIBYTE = BigDecimal.valueOf(1024);
    private static final BigDecimal SMALLEST_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LARGEST_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final String QUOTED_STRING = "expected a quoted string";
    private static final String DATE_OR_RELATIVE_TIME =
            "expected a date like 2024-01-31 or 2024-01-31T10:00:00, or a time ago like 12h, 7d, 2w, 6m or 1y";

    private final Clock clock;

    ValueReader(Clock clock) {
        this.clock = clock;
    }

    Value read(Field field, Operator operator, Token literal) {
        ValueKind kind = field instanceof Field.Standard standard ? standard.valueKind() : ValueKind.METADATA;
        return switch (kind) {
            case TEXT -> new Text(quoted(field, literal));
            case TYPE -> type(field, literal);
            case FOLDER -> new Text(folder(quoted(field, literal)));
            case FORMAT -> format(field, literal);
            case DATE -> instant(literal.text()).<Value>map(Timestamp::new)
                    .orElseThrow(() -> SearchQueryException.invalidValue(field, literal, DATE_OR_RELATIVE_TIME));
            case COUNT -> new Numeric(count(field, literal));
            case SIZE -> new Numeric(size(field, literal));
            case FLAG -> flag(field, literal);
            case METADATA -> metadata(field, operator, literal);
        };
    }

    /** The words of a {@code HAS}: a quoted string with something in it. */
    String fullText(Field field, Token literal) {
        String text = quoted(field, literal);
        if (text.isBlank()) {
            throw SearchQueryException.invalidValue(field, literal, "expected words to search for");
        }
        return text;
    }

    private static String quoted(Field field, Token literal) {
        if (!literal.is(Kind.QUOTED)) {
            throw SearchQueryException.invalidValue(field, literal, QUOTED_STRING);
        }
        return literal.text();
    }

    private static Value type(Field field, Token literal) {
        String type = quoted(field, literal).toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw SearchQueryException.invalidValue(field, literal, "expected \"file\", \"file-version\" or \"folder\"");
        }
        return new Text(type);
    }

    /** {@code /a/b}, {@code a/b/} and {@code /a/b/} are all the folder {@code /a/b/}, as the index writes it. */
    static String folder(String path) {
        String inner = Arrays.stream(path.split("/+")).filter(part -> !part.isEmpty()).collect(Collectors.joining("/"));
        return inner.isEmpty() ? "/" : "/" + inner + "/";
    }

    private static Value format(Field field, Token literal) {
        String format = quoted(field, literal).toLowerCase(Locale.ROOT);
        if (format.isBlank()) {
            throw SearchQueryException.invalidValue(field, literal, "expected a format such as \"jpg\" or \"png\"");
        }
        return new Text(format.equals("jpeg") ? "jpg" : format);
    }

    private static BigDecimal count(Field field, Token literal) {
        return number(literal.text())
                .filter(ValueReader::fitsTheIndex)
                .orElseThrow(() -> SearchQueryException.invalidValue(field, literal, "expected a number"));
    }

    private static BigDecimal size(Field field, Token literal) {
        return number(literal.text())
                .or(() -> bytes(literal.text()))
                .filter(ValueReader::fitsTheIndex)
                .orElseThrow(() -> SearchQueryException.invalidValue(
                        field, literal, "expected a number of bytes or a size like \"10kb\", \"1.5mb\" or \"1gb\""));
    }

    private static Optional<BigDecimal> bytes(String text) {
        Matcher size = SIZE.matcher(text);
        if (!size.matches()) {
            return Optional.empty();
        }
        int power = switch (size.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1;
            case "mb" -> 2;
            case "gb" -> 3;
            default -> 0;
        };
        return Optional.of(new BigDecimal(size.group(1)).multiply(KIBIBYTE.pow(power)));
    }

    /** Points in the index are longs; a bound beyond them would have no neighbour to step to. */
    private static boolean fitsTheIndex(BigDecimal number) {
        return number.compareTo(SMALLEST_LONG) >= 0 && number.compareTo(LARGEST_LONG) <= 0;
    }

    private static Value flag(Field field, Token literal) {
        return bool(literal.text())
                .orElseThrow(() -> SearchQueryException.invalidValue(field, literal, "expected true or false"));
    }

    /**
     * Custom and embedded metadata: quoted literals are text, bare ones numbers, booleans or dates.
     * An ordering against a quoted date or time ago compares as a date, since Date fields are
     * indexed as numbers; against other text it compares as text, as for SingleSelect fields.
     */
    private Value metadata(Field field, Operator operator, Token literal) {
        Value value = literal.is(Kind.QUOTED) ? new Text(literal.text()) : bare(field, literal);
        if (operator == Operator.BEGINS_WITH && !(value instanceof Text)) {
            throw SearchQueryException.invalidValue(field, literal, "operator : needs a quoted string");
        }
        if (operator.isOrdering()) {
            if (value instanceof Bool) {
                throw SearchQueryException.invalidValue(
                        field, literal, "operator " + operator.symbol() + " needs a number, a date or a string");
            }
            if (value instanceof Text text) {
                return instant(text.text()).<Value>map(Timestamp::new).orElse(value);
            }
        }
        return value;
    }

    private Value bare(Field field, Token literal) {
        String text = literal.text();
        Optional<Value> value = bool(text).map(Value.class::cast)
                .or(() -> number(text).map(Numeric::new))
                .or(() -> instant(text).map(Timestamp::new));
        return value.orElseThrow(() -> SearchQueryException.invalidValue(
                field, literal, "expected a quoted string, a number, true, false or a date"));
    }

    private static Optional<Bool> bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(new Bool(true));
        }
        if (text.equalsIgnoreCase("false")) {
            return Optional.of(new Bool(false));
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(String text) {
        return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** An absolute date or date-time in UTC, or a time ago counted back from the clock. */
    private Optional<Instant> instant(String text) {
        try {
            return absolute(text).or(() -> ago(text)).filter(ValueReader::hasEpochMilli);
        } catch (DateTimeException | ArithmeticException | NumberFormatException notATime) {
            return Optional.empty();
        }
    }

    /** The index keeps times as epoch milliseconds, which do not reach as far as {@link Instant}. */
    private static boolean hasEpochMilli(Instant instant) {
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException beyondTheIndex) {
            return false;
        }
    }

    private static Optional<Instant> absolute(String text) {
        if (DATE.matcher(text).matches()) {
            return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Matcher dateTime = DATE_TIME.matcher(text);
        if (dateTime.matches()) {
            return Optional.of(LocalDateTime.parse(dateTime.group(1)).toInstant(ZoneOffset.UTC));
        }
        return Optional.empty();
    }

    private Optional<Instant> ago(String text) {
        Matcher relative = RELATIVE_TIME.matcher(text);
        if (!relative.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(relative.group(1));
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        ZonedDateTime then = switch (relative.group(2).toLowerCase(Locale.ROOT)) {
            case "h" -> now.minusHours(amount);
            case "d" -> now.minusDays(amount);
            case "w" -> now.minusWeeks(amount);
            case "m" -> now.minusMonths(amount);
            default -> now.minusYears(amount);
        };
        return Optional.of(then.toInstant());
    }
}
