package io.palimpsest.command.metadata;

import static io.palimpsest.command.metadata.FieldFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;

import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValuesTest {

    private static Optional<String> check(FieldSchema schema, Object value) {
        return FieldValues.problemWith(schema, value);
    }

    @Test
    void countsTextLengthInCharactersNotUtf16Units() {
        assertThat(check(rules().lengthBetween(null, 2).of(FieldType.TEXT), "😀😀")).isEmpty();
    }

    @Test
    void refusesANumberForATextField() {
        assertThat(check(FieldSchema.of(FieldType.TEXTAREA), 5)).contains("should be of type string");
    }

    @Test
    void comparesNumbersOfEveryJsonKindByValue() {
        FieldSchema schema = rules().between(1, 2.5).of(FieldType.NUMBER);

        assertThat(check(schema, 2.5)).isEmpty();
        assertThat(check(schema, BigInteger.valueOf(3))).contains("should be less than or equal to 2.5");
        assertThat(check(schema, 0L)).contains("should be greater than or equal to 1");
    }

    @Test
    void refusesANumericStringForANumberField() {
        assertThat(check(FieldSchema.of(FieldType.NUMBER), "42")).contains("should be of type number");
    }

    @Test
    void refusesNotANumber() {
        assertThat(check(FieldSchema.of(FieldType.NUMBER), Double.NaN)).contains("should be of type number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2010-11-05", "2010-11-05T05:06:07", "2010-11-05T05:06:07.123Z", "2010-11-05T05:06:07+02:00"})
    void acceptsIso8601DatesWithAndWithoutTimeAndOffset(String date) {
        assertThat(check(FieldSchema.of(FieldType.DATE), date)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"05/11/2010", "2010-13-01", "tomorrow", ""})
    void refusesOtherDateStrings(String date) {
        assertThat(check(FieldSchema.of(FieldType.DATE), date)).contains("should be a date string in ISO 8601 format");
    }

    @Test
    void readsDatesWithoutOffsetAsUtc() {
        FieldSchema schema = rules().between("2020-01-01T00:00:00Z", null).of(FieldType.DATE);

        assertThat(check(schema, "2019-12-31T23:59:59")).contains("should not be earlier than 2020-01-01T00:00:00Z");
        assertThat(check(schema, "2020-01-01T01:00:00+01:00")).isEmpty();
    }

    @Test
    void matchesANumericOptionWrittenDifferently() {
        assertThat(check(rules().options("S", 30).of(FieldType.SINGLE_SELECT), 30.0)).isEmpty();
    }

    @Test
    void neverTakesAStringForANumericOption() {
        assertThat(check(rules().options(30).of(FieldType.SINGLE_SELECT), "30")).isPresent();
    }

    @Test
    void acceptsAnEmptyMultiSelection() {
        assertThat(check(rules().options("a", "b").of(FieldType.MULTI_SELECT), List.of())).isEmpty();
    }

    @Test
    void refusesAMultiSelectionWithAValueThatIsNoOption() {
        assertThat(check(rules().options("a", "b").of(FieldType.MULTI_SELECT), List.of("a", "c")))
                .contains("should be an array of values from the selectOptions: a, b");
    }
}
