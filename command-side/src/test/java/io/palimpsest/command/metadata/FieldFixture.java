package io.palimpsest.command.metadata;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import io.palimpsest.shared.metadata.commands.CreateCustomMetadataField;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** A vocabulary for custom metadata field tests: fields, their schemas and the rules they break. */
final class FieldFixture {

    static final CustomMetadataFieldId FIELD = new CustomMetadataFieldId("65f0c0ffee00000000000001");
    static final FieldName PRICE = new FieldName("price");
    static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-06T10:00:00Z");

    private FieldFixture() {
    }

    static Rules rules() {
        return new Rules(List.of(), null, false, null, null, null, null);
    }

    /** Builds {@link FieldConstraints} one rule at a time. */
    record Rules(List<Object> selectOptions, Object defaultValue, boolean valueRequired, Object minValue,
                 Object maxValue, Integer minLength, Integer maxLength) {

        Rules options(Object... options) {
            return new Rules(List.of(options), defaultValue, valueRequired, minValue, maxValue, minLength, maxLength);
        }

        Rules defaultValue(Object value) {
            return new Rules(selectOptions, value, valueRequired, minValue, maxValue, minLength, maxLength);
        }

        Rules required() {
            return new Rules(selectOptions, defaultValue, true, minValue, maxValue, minLength, maxLength);
        }

        Rules between(Object min, Object max) {
            return new Rules(selectOptions, defaultValue, valueRequired, min, max, minLength, maxLength);
        }

        Rules lengthBetween(Integer min, Integer max) {
            return new Rules(selectOptions, defaultValue, valueRequired, minValue, maxValue, min, max);
        }

        FieldConstraints build() {
            return new FieldConstraints(selectOptions, defaultValue, valueRequired, minValue, maxValue, minLength,
                    maxLength);
        }

        FieldSchema of(FieldType type) {
            return new FieldSchema(type, build());
        }
    }

    static FieldSchema numberBetween(int min, int max) {
        return rules().between(min, max).of(FieldType.NUMBER);
    }

    static CreateCustomMetadataField create(FieldSchema schema) {
        return create("Price", schema);
    }

    static CreateCustomMetadataField create(String label, FieldSchema schema) {
        return new CreateCustomMetadataField(FIELD, PRICE, label, schema, null, CREATED);
    }

    static CustomMetadataFieldCreated created(FieldSchema schema) {
        return new CustomMetadataFieldCreated(FIELD, PRICE, "Price", schema, null, CREATED);
    }

    /** The command was refused as an unsound definition with exactly these broken rules. */
    static Matcher<InvalidFieldDefinition> brokenRules(Map<String, String> expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidFieldDefinition refusal) {
                return refusal.problems().equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an unsound definition breaking ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(InvalidFieldDefinition refusal, Description mismatch) {
                mismatch.appendText("broke ").appendValue(refusal.problems());
            }
        };
    }

    static Matcher<InvalidFieldDefinition> brokenRule(String property, String problem) {
        return brokenRules(Map.of(property, problem));
    }
}
