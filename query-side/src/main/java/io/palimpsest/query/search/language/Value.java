package io.palimpsest.query.search.language;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A value in a condition, already read as what its field holds. */
public sealed interface Value {

    /** A string: a name, tag, id, normalised folder path, lower-cased format, or metadata text. */
    record Text(String text) implements Value {

        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A number: pixels, bytes (sizes with units already multiplied out) or a metadata number. */
    record Numeric(BigDecimal number) implements Value {

        public Numeric {
            // Without stripping, 10 and 10.0 would be different values.
            number = number.stripTrailingZeros();
        }

        public static Numeric of(long number) {
            return new Numeric(BigDecimal.valueOf(number));
        }
    }

    record Bool(boolean value) implements Value {

        /** How the index stores a boolean: {@code "true"} or {@code "false"}. */
        public String asText() {
            return Boolean.toString(value);
        }
    }

    /** A point in time, to the millisecond the index keeps; relative times are already resolved. */
    record Timestamp(Instant instant) implements Value {

        public Timestamp {
            instant = instant.truncatedTo(ChronoUnit.MILLIS);
        }

        public long epochMilli() {
            return instant.toEpochMilli();
        }
    }
}
