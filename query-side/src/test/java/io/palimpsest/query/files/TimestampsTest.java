package io.palimpsest.query.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written ISO-8601 path gives exactly what the JDK's formatter and parser give. */
class TimestampsTest {

    private static final long FROM = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2200-12-31T23:59:59Z").getEpochSecond();

    @Test
    void formatsAsTheFileObjectPatternDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)),
                    random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).isEqualTo(FileObjects.TIMESTAMP.format(instant));
        }
    }

    @Test
    void readsWhatInstantToStringWrites() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (TO - FROM)), nanos);
            assertThat(Timestamps.parse(instant.toString())).isEqualTo(instant);
        }
    }

    @Test
    void leavesOtherShapesToTheJdk() {
        assertThat(Timestamps.parse("+10000-01-01T00:00:00Z")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(Timestamps.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo(FileObjects.TIMESTAMP.format(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void refusesAnImpossibleDateAsTheJdkDoes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timestamps.parse("2025-02-30T00:00:00Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }
}
