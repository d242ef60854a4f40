package io.palimpsest.command.metadata;

import static io.palimpsest.command.metadata.FieldDefinitionRules.NOT_ALLOWED;
import static io.palimpsest.command.metadata.FieldFixture.CREATED;
import static io.palimpsest.command.metadata.FieldFixture.FIELD;
import static io.palimpsest.command.metadata.FieldFixture.NOW;
import static io.palimpsest.command.metadata.FieldFixture.PRICE;
import static io.palimpsest.command.metadata.FieldFixture.brokenRule;
import static io.palimpsest.command.metadata.FieldFixture.brokenRules;
import static io.palimpsest.command.metadata.FieldFixture.create;
import static io.palimpsest.command.metadata.FieldFixture.created;
import static io.palimpsest.command.metadata.FieldFixture.numberBetween;
import static io.palimpsest.command.metadata.FieldFixture.rules;

import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.metadata.ConstraintsChange;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import io.palimpsest.shared.metadata.commands.CreateCustomMetadataField;
import io.palimpsest.shared.metadata.commands.DeleteCustomMetadataField;
import io.palimpsest.shared.metadata.commands.UpdateCustomMetadataField;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomMetadataFieldAggregateTest {

    private FixtureConfiguration<CustomMetadataFieldAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomMetadataFieldAggregate.class);
    }

    private void refuses(FieldSchema schema, String property, String problem) {
        fixture.givenNoPriorActivity()
                .when(create(schema))
                .expectNoEvents()
                .expectException(brokenRule(property, problem));
    }

    private void accepts(FieldSchema schema) {
        fixture.givenNoPriorActivity()
                .when(create(schema))
                .expectEvents(created(schema));
    }

    @Nested
    class Creating {

        @Test
        void definesAFieldWithEverythingItWasGiven() {
            FieldSchema schema = rules().between(1000, 3000).defaultValue(2000).required().of(FieldType.NUMBER);

            fixture.givenNoPriorActivity()
                    .when(new CreateCustomMetadataField(FIELD, PRICE, "Price", schema, "Net price in cents", CREATED))
                    .expectEvents(new CustomMetadataFieldCreated(FIELD, PRICE, "Price", schema, "Net price in cents",
                            CREATED));
        }

        @Test
        void treatsAnEmptyDescriptionAsNone() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCustomMetadataField(FIELD, PRICE, "Price", FieldSchema.of(FieldType.TEXT), "", CREATED))
                    .expectEvents(created(FieldSchema.of(FieldType.TEXT)));
        }

        @Test
        void requiresALabel() {
            fixture.givenNoPriorActivity()
                    .when(create("  ", FieldSchema.of(FieldType.TEXT)))
                    .expectNoEvents()
                    .expectException(brokenRule("label", "is required"));
        }

        @Test
        void refusesALabelLongerThan100Characters() {
            fixture.givenNoPriorActivity()
                    .when(create("x".repeat(101), FieldSchema.of(FieldType.TEXT)))
                    .expectException(brokenRule("label", "should be at most 100 characters long"));
        }

        @Test
        void refusesADescriptionLongerThan500Characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCustomMetadataField(FIELD, PRICE, "Price", FieldSchema.of(FieldType.TEXT),
                            "x".repeat(501), CREATED))
                    .expectException(brokenRule("description", "should be at most 500 characters long"));
        }

        @Test
        void refusesControlCharactersInTheLabel() {
            fixture.givenNoPriorActivity()
                    .when(create("Pri\u0000ce", FieldSchema.of(FieldType.TEXT)))
                    .expectNoEvents()
                    .expectException(brokenRule("label", "should not contain control characters"));
        }

        @Test
        void refusesControlCharactersInOptionsAndDefaultValues() {
            fixture.givenNoPriorActivity()
                    .when(create("Size", rules().options("S", "M\u0000").of(FieldType.SINGLE_SELECT)))
                    .expectNoEvents()
                    .expectException(brokenRule("selectOptions", "should not contain control characters"));
        }

        @Test
        void reportsEveryBrokenRuleAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(create("", rules().lengthBetween(1, 10).between("a", "b").of(FieldType.BOOLEAN)))
                    .expectException(brokenRules(Map.of("label", "is required", "minValue", NOT_ALLOWED,
                            "maxValue", NOT_ALLOWED, "minLength", NOT_ALLOWED, "maxLength", NOT_ALLOWED)));
        }
    }

    @Nested
    class SelectOptions {

        @Test
        void acceptsMixedOptionsForASingleSelect() {
            accepts(rules().options("S", "M", 30, true).of(FieldType.SINGLE_SELECT));
        }

        @Test
        void requiresOptionsForASingleSelect() {
            refuses(FieldSchema.of(FieldType.SINGLE_SELECT), "selectOptions",
                    "is required for SingleSelect and MultiSelect fields");
        }

        @Test
        void requiresOptionsForAMultiSelect() {
            refuses(FieldSchema.of(FieldType.MULTI_SELECT), "selectOptions",
                    "is required for SingleSelect and MultiSelect fields");
        }

        @Test
        void refusesOptionsOnATextField() {
            refuses(rules().options("a").of(FieldType.TEXT), "selectOptions", NOT_ALLOWED);
        }

        @Test
        void refusesOptionsThatAreNotStringsNumbersOrBooleans() {
            refuses(rules().options("a", List.of("b")).of(FieldType.SINGLE_SELECT), "selectOptions",
                    "should contain only strings, numbers and booleans");
        }

        @Test
        void refusesTheSameOptionTwiceEvenWrittenDifferently() {
            refuses(rules().options(30, 30.0).of(FieldType.MULTI_SELECT), "selectOptions",
                    "should not contain duplicates (30.0)");
        }
    }

    @Nested
    class Ranges {

        @Test
        void acceptsANumberRange() {
            accepts(numberBetween(-10, 10));
        }

        @Test
        void acceptsADateRange() {
            accepts(rules().between("2020-01-01", "2020-12-31T23:59:59Z").of(FieldType.DATE));
        }

        @Test
        void refusesARangeOnATextField() {
            refuses(rules().between(1, null).of(FieldType.TEXT), "minValue", NOT_ALLOWED);
        }

        @Test
        void refusesAStringBoundOnANumberField() {
            refuses(rules().between(null, "10").of(FieldType.NUMBER), "maxValue", "should be of type number");
        }

        @Test
        void refusesABoundThatIsNoDateOnADateField() {
            refuses(rules().between("yesterday", null).of(FieldType.DATE), "minValue",
                    "should be a date string in ISO 8601 format");
        }

        @Test
        void refusesAMinimumAboveTheMaximum() {
            refuses(numberBetween(10, 1), "minValue", "should not be greater than maxValue");
        }

        @Test
        void refusesAnEarliestDateAfterTheLatest() {
            refuses(rules().between("2021-01-01", "2020-01-01").of(FieldType.DATE), "minValue",
                    "should not be greater than maxValue");
        }
    }

    @Nested
    class Lengths {

        @Test
        void acceptsLengthsOnATextareaField() {
            accepts(rules().lengthBetween(0, 500).of(FieldType.TEXTAREA));
        }

        @Test
        void refusesLengthsOnANumberField() {
            refuses(rules().lengthBetween(null, 5).of(FieldType.NUMBER), "maxLength", NOT_ALLOWED);
        }

        @Test
        void refusesANegativeMinimumLength() {
            refuses(rules().lengthBetween(-1, null).of(FieldType.TEXT), "minLength", "should not be negative");
        }

        @Test
        void refusesAMaximumLengthBelowOne() {
            refuses(rules().lengthBetween(null, 0).of(FieldType.TEXT), "maxLength", "should be at least 1");
        }

        @Test
        void refusesAMinimumLengthAboveTheMaximum() {
            refuses(rules().lengthBetween(5, 4).of(FieldType.TEXT), "minLength", "should not be greater than maxLength");
        }
    }

    @Nested
    class DefaultValues {

        @Test
        void requiresADefaultForARequiredField() {
            refuses(rules().required().of(FieldType.TEXT), "defaultValue", "is required when isValueRequired is true");
        }

        @Test
        void refusesADefaultOfTheWrongType() {
            refuses(rules().defaultValue("cheap").of(FieldType.NUMBER), "defaultValue", "should be of type number");
        }

        @Test
        void refusesADefaultOutsideTheRange() {
            refuses(rules().between(1000, 3000).defaultValue(999.5).of(FieldType.NUMBER), "defaultValue",
                    "should be greater than or equal to 1000");
        }

        @Test
        void refusesADefaultThatIsTooLong() {
            refuses(rules().lengthBetween(null, 3).defaultValue("four").of(FieldType.TEXT), "defaultValue",
                    "should be at most 3 characters long");
        }

        @Test
        void refusesADefaultDateBeforeTheEarliest() {
            refuses(rules().between("2020-01-01", null).defaultValue("2019-12-31T23:59:59").of(FieldType.DATE),
                    "defaultValue", "should not be earlier than 2020-01-01");
        }

        @Test
        void refusesAStringDefaultForABooleanField() {
            refuses(rules().defaultValue("true").of(FieldType.BOOLEAN), "defaultValue", "should be of type boolean");
        }

        @Test
        void refusesADefaultThatIsNoOption() {
            refuses(rules().options("S", "M").defaultValue("XL").of(FieldType.SINGLE_SELECT), "defaultValue",
                    "should be one of the selectOptions: S, M");
        }

        @Test
        void refusesASingleValueAsAMultiSelectDefault() {
            refuses(rules().options("S", "M").defaultValue("S").of(FieldType.MULTI_SELECT), "defaultValue",
                    "should be an array of values from the selectOptions: S, M");
        }

        @Test
        void acceptsOptionsAsAMultiSelectDefault() {
            accepts(rules().options("S", "M", 40).defaultValue(List.of("S", 40)).required().of(FieldType.MULTI_SELECT));
        }
    }

    @Nested
    class Updating {

        private final FieldSchema price = rules().between(1000, 3000).defaultValue(2000).of(FieldType.NUMBER);

        private UpdateCustomMetadataField update(String label, ConstraintsChange constraints,
                                                 FieldUpdate<String> description) {
            return new UpdateCustomMetadataField(FIELD, label, constraints, description, NOW);
        }

        private ConstraintsChange maxValue(FieldUpdate<Object> maxValue) {
            return new ConstraintsChange(null, null, null, null, maxValue, null, null);
        }

        @Test
        void relabelsAField() {
            fixture.given(created(price))
                    .when(update("Net price", null, null))
                    .expectEvents(new CustomMetadataFieldUpdated(FIELD, PRICE, "Net price", price, null, NOW));
        }

        @Test
        void changesOnlyTheRulesSentAndKeepsTheType() {
            fixture.given(created(price))
                    .when(update(null, maxValue(FieldUpdate.set(5000)), null))
                    .expectEvents(new CustomMetadataFieldUpdated(FIELD, PRICE, "Price",
                            rules().between(1000, 5000).defaultValue(2000).of(FieldType.NUMBER), null, NOW));
        }

        @Test
        void removesARuleSentAsNull() {
            fixture.given(created(price))
                    .when(update(null, maxValue(FieldUpdate.clear()), null))
                    .expectEvents(new CustomMetadataFieldUpdated(FIELD, PRICE, "Price",
                            rules().between(1000, null).defaultValue(2000).of(FieldType.NUMBER), null, NOW));
        }

        @Test
        void checksTheResultingDefinition() {
            fixture.given(created(price))
                    .when(update(null, maxValue(FieldUpdate.set(1500)), null))
                    .expectNoEvents()
                    .expectException(brokenRule("defaultValue", "should be less than or equal to 1500"));
        }

        @Test
        void setsAndClearsTheDescription() {
            fixture.given(created(price), new CustomMetadataFieldUpdated(FIELD, PRICE, "Price", price, "cents", NOW))
                    .when(update(null, null, FieldUpdate.set("")))
                    .expectEvents(new CustomMetadataFieldUpdated(FIELD, PRICE, "Price", price, null, NOW));
        }

        @Test
        void answersWithTheResultingDefinition() {
            fixture.given(created(price))
                    .when(update("Net price", null, FieldUpdate.set("cents")))
                    .expectResultMessagePayload(new FieldDefinition(FIELD, PRICE, "Net price", price, "cents"));
        }

        @Test
        void recordsNothingWhenNothingChanges() {
            fixture.given(created(price))
                    .when(update("Price", maxValue(FieldUpdate.set(3000)), null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new FieldDefinition(FIELD, PRICE, "Price", price, null));
        }

        @Test
        void refusesToChangeADeletedField() {
            fixture.given(created(price), new CustomMetadataFieldDeleted(FIELD, PRICE, NOW))
                    .when(update("Net price", null, null))
                    .expectNoEvents()
                    .expectException(DeletedFieldNotUpdatable.class);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletesAField() {
            fixture.given(created(numberBetween(1, 2)))
                    .when(new DeleteCustomMetadataField(FIELD, NOW))
                    .expectEvents(new CustomMetadataFieldDeleted(FIELD, PRICE, NOW));
        }

        @Test
        void treatsADeletedFieldAsGone() {
            fixture.given(created(numberBetween(1, 2)), new CustomMetadataFieldDeleted(FIELD, PRICE, NOW))
                    .when(new DeleteCustomMetadataField(FIELD, NOW))
                    .expectNoEvents()
                    .expectException(NoSuchField.class);
        }
    }
}
