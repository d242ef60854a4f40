package io.palimpsest.query.search.language;

import io.palimpsest.query.search.language.SearchExpression.And;
import io.palimpsest.query.search.language.SearchExpression.Comparison;
import io.palimpsest.query.search.language.SearchExpression.Exists;
import io.palimpsest.query.search.language.SearchExpression.Has;
import io.palimpsest.query.search.language.SearchExpression.InList;
import io.palimpsest.query.search.language.SearchExpression.Or;
import io.palimpsest.query.search.language.Value.Bool;
import io.palimpsest.query.search.language.Value.Numeric;
import io.palimpsest.query.search.language.Value.Text;
import io.palimpsest.query.search.language.Value.Timestamp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.palimpsest.query.search.language.Field.Standard.CREATED_AT;
import static io.palimpsest.query.search.language.Field.Standard.FORMAT;
import static io.palimpsest.query.search.language.Field.Standard.HEIGHT;
import static io.palimpsest.query.search.language.Field.Standard.ID;
import static io.palimpsest.query.search.language.Field.Standard.NAME;
import static io.palimpsest.query.search.language.Field.Standard.PATH;
import static io.palimpsest.query.search.language.Field.Standard.PRIVATE;
import static io.palimpsest.query.search.language.Field.Standard.SIZE;
import static io.palimpsest.query.search.language.Field.Standard.TAGS;
import static io.palimpsest.query.search.language.Field.Standard.TYPE;
import static io.palimpsest.query.search.language.Field.Standard.UPDATED_AT;
import static io.palimpsest.query.search.language.Field.Standard.WIDTH;
import static io.palimpsest.query.search.language.Operator.BEGINS_WITH;
import static io.palimpsest.query.search.language.Operator.EQUALS;
import static io.palimpsest.query.search.language.Operator.GREATER_OR_EQUAL;
import static io.palimpsest.query.search.language.Operator.GREATER_THAN;
import static io.palimpsest.query.search.language.Operator.LESS_OR_EQUAL;
import static io.palimpsest.query.search.language.Operator.LESS_THAN;
import static io.palimpsest.query.search.language.Operator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SearchQueryParserTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Comparison NAME_IS_A = new Comparison(NAME, EQUALS, new Text("a"));
    private static final Comparison NAME_IS_B = new Comparison(NAME, EQUALS, new Text("b"));
    private static final Comparison NAME_IS_C = new Comparison(NAME, EQUALS, new Text("c"));

    private static SearchExpression parse(String query) {
        return SearchQueryParser.parse(query, CLOCK);
    }

    private static SearchQueryException error(String query) {
        SearchQueryException error = catchThrowableOfType(SearchQueryException.class, () -> parse(query));
        assertThat(error).as("error for %s", query).isNotNull();
        return error;
    }

    private static Timestamp at(String instant) {
        return new Timestamp(Instant.parse(instant));
    }

    private static Numeric number(String number) {
        return new Numeric(new BigDecimal(number));
    }

    @Nested
    class Operators {

        @Test
        void readsEqualsAsAnExactComparison() {
            assertThat(parse("name = \"dress.jpg\"")).isEqualTo(new Comparison(NAME, EQUALS, new Text("dress.jpg")));
        }

        @Test
        void readsColonAsBeginsWith() {
            assertThat(parse("name : \"red\"")).isEqualTo(new Comparison(NAME, BEGINS_WITH, new Text("red")));
        }

        @Test
        void readsNotEquals() {
            assertThat(parse("id NOT = \"f1\"")).isEqualTo(new Comparison(ID, NOT_EQUALS, new Text("f1")));
        }

        @ParameterizedTest
        @CsvSource({"<, LESS_THAN", "<=, LESS_OR_EQUAL", ">, GREATER_THAN", ">=, GREATER_OR_EQUAL"})
        void readsEachOrdering(String symbol, Operator operator) {
            assertThat(parse("width " + symbol + " 500")).isEqualTo(new Comparison(WIDTH, operator, Numeric.of(500)));
        }

        @Test
        void readsOperatorsWrittenWithoutSpaces() {
            assertThat(parse("height>=500")).isEqualTo(new Comparison(HEIGHT, GREATER_OR_EQUAL, Numeric.of(500)));
        }

        @Test
        void readsIn() {
            assertThat(parse("tags IN [\"summer\", \"sale\"]"))
                    .isEqualTo(new InList(TAGS, false, List.of(new Text("summer"), new Text("sale"))));
        }

        @Test
        void readsNotIn() {
            assertThat(parse("tags NOT IN [\"summer\"]")).isEqualTo(new InList(TAGS, true, List.of(new Text("summer"))));
        }

        @Test
        void readsHas() {
            assertThat(parse("name HAS \"red dress\"")).isEqualTo(new Has(NAME, "red dress"));
        }

        @Test
        void readsExists() {
            assertThat(parse("tags EXISTS")).isEqualTo(new Exists(TAGS, false));
        }

        @Test
        void readsNotExists() {
            assertThat(parse("tags NOT EXISTS")).isEqualTo(new Exists(TAGS, true));
        }
    }

    @Nested
    class OperatorsPerField {

        @ParameterizedTest
        @ValueSource(strings = {
                "name = \"a\"", "name : \"a\"", "name IN [\"a\"]", "name NOT = \"a\"", "name NOT IN [\"a\"]", "name HAS \"a\"",
                "tags IN [\"a\"]", "tags NOT IN [\"a\"]", "tags HAS \"a\"", "tags EXISTS", "tags NOT EXISTS",
                "type = \"file\"", "type IN [\"file\"]", "type NOT = \"file\"", "type NOT IN [\"folder\"]",
                "id = \"a\"", "id IN [\"a\"]", "id NOT = \"a\"", "id NOT IN [\"a\"]",
                "path = \"/a/\"", "path : \"/a/\"", "path IN [\"/a/\"]", "path NOT = \"/a/\"", "path NOT IN [\"/a/\"]",
                "createdAt = \"2024-01-01\"", "createdAt < \"1d\"", "createdAt <= \"1d\"", "createdAt > \"1d\"",
                "createdAt >= \"1d\"", "createdAt IN [\"2024-01-01\"]", "createdAt NOT = \"1d\"", "createdAt NOT IN [\"1d\"]",
                "updatedAt = \"2024-01-01\"", "updatedAt < \"1d\"", "updatedAt NOT IN [\"1d\"]",
                "width = 1", "width < 1", "width <= 1", "width > 1", "width >= 1", "width IN [1]", "width NOT = 1",
                "width NOT IN [1]", "height = 1", "height NOT IN [1]",
                "size = 1", "size < \"1mb\"", "size <= 1", "size > 1", "size >= 1", "size IN [1]", "size NOT = 1",
                "size NOT IN [1]",
                "format = \"png\"", "format IN [\"png\"]",
                "private = true", "published = false", "transparency = true",
                "createdBy = \"a@b.c\"", "createdBy IN [\"a@b.c\"]", "createdBy NOT = \"a@b.c\"", "createdBy NOT IN [\"a@b.c\"]",
                "\"embeddedMetadata.Keywords\" IN [\"a\"]", "\"embeddedMetadata.Keywords\" NOT IN [\"a\"]",
                "\"embeddedMetadata.Keywords\" EXISTS", "\"embeddedMetadata.DateTimeOriginal\" > \"7d\"",
                "\"embeddedMetadata.LocationTaken\" = \"52.5,13.4 5km\""})
        void acceptsEveryOperatorTheSpecificationGivesAField(String query) {
            assertThatNoException().isThrownBy(() -> parse(query));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "size HAS \"x\"         | HAS    | 5",
                "tags = \"a\"           | =      | 5",
                "name EXISTS            | EXISTS | 5",
                "name < \"a\"           | <      | 5",
                "type : \"file\"        | :      | 5",
                "id HAS \"a\"           | HAS    | 3",
                "path HAS \"a\"         | HAS    | 5",
                "createdAt : \"1d\"     | :      | 10",
                "width HAS \"1\"        | HAS    | 6",
                "format NOT = \"png\"   | NOT =  | 7",
                "format : \"pn\"        | :      | 7",
                "private NOT = true     | NOT =  | 8",
                "published IN [true]    | IN     | 10",
                "transparency > false   | >      | 13",
                "createdBy EXISTS       | EXISTS | 10",
                "createdBy HAS \"a\"    | HAS    | 10",
                "tags NOT = \"a\"       | NOT =  | 5"})
        void rejectsOperatorsTheSpecificationDoesNotGiveAField(String query, String operator, int position) {
            String field = query.substring(0, query.indexOf(' '));

            SearchQueryException error = error(query);

            assertThat(error.getMessage())
                    .isEqualTo("Operator " + operator + " is not allowed on field '" + field + "' at position " + position);
        }

        @ParameterizedTest
        @ValueSource(strings = {"=", ":", "<", "<=", ">", ">=", "NOT ="})
        void allowsEveryComparisonOnCustomMetadata(String operator) {
            assertThatNoException().isThrownBy(() -> parse("\"customMetadata.brand\" " + operator + " \"nike\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"IN [\"nike\"]", "NOT IN [\"nike\"]", "HAS \"nike\"", "EXISTS", "NOT EXISTS"})
        void allowsEveryOtherOperatorOnCustomMetadata(String operatorAndValue) {
            assertThatNoException().isThrownBy(() -> parse("\"customMetadata.brand\" " + operatorAndValue));
        }
    }

    @Nested
    class Precedence {

        @Test
        void bindsAndTighterThanOr() {
            assertThat(parse("name = \"a\" OR name = \"b\" AND name = \"c\""))
                    .isEqualTo(Or.of(NAME_IS_A, And.of(NAME_IS_B, NAME_IS_C)));
        }

        @Test
        void bindsAndTighterThanOrWhenTheAndComesFirst() {
            assertThat(parse("name = \"a\" AND name = \"b\" OR name = \"c\""))
                    .isEqualTo(Or.of(And.of(NAME_IS_A, NAME_IS_B), NAME_IS_C));
        }

        @Test
        void letsParenthesesGroupAnOrBeforeAnAnd() {
            assertThat(parse("(name = \"a\" OR name = \"b\") AND name = \"c\""))
                    .isEqualTo(And.of(Or.of(NAME_IS_A, NAME_IS_B), NAME_IS_C));
        }

        @Test
        void keepsAChainOfOneOperatorFlat() {
            assertThat(parse("name = \"a\" AND name = \"b\" AND name = \"c\""))
                    .isEqualTo(And.of(NAME_IS_A, NAME_IS_B, NAME_IS_C));
        }

        @Test
        void readsRedundantParenthesesAsTheirContent() {
            assertThat(parse("((name = \"a\"))")).isEqualTo(NAME_IS_A);
        }

        @Test
        void nestsParenthesesInsideParentheses() {
            assertThat(parse("name = \"a\" AND (name = \"b\" OR (name = \"c\" AND name = \"a\"))"))
                    .isEqualTo(And.of(NAME_IS_A, Or.of(NAME_IS_B, And.of(NAME_IS_C, NAME_IS_A))));
        }
    }

    @Nested
    class Quoting {

        @Test
        void readsDoubleQuotedStrings() {
            assertThat(parse("name = \"a\"")).isEqualTo(NAME_IS_A);
        }

        @Test
        void readsSingleQuotedStrings() {
            assertThat(parse("name = 'a'")).isEqualTo(NAME_IS_A);
        }

        @Test
        void keepsTheOtherQuoteInsideAString() {
            assertThat(parse("name = \"it's.jpg\"")).isEqualTo(new Comparison(NAME, EQUALS, new Text("it's.jpg")));
        }

        @Test
        void takesTheCharacterAfterABackslashAsItIs() {
            assertThat(parse("name = \"say \\\"hi\\\" \\\\ bye\""))
                    .isEqualTo(new Comparison(NAME, EQUALS, new Text("say \"hi\" \\ bye")));
        }

        @Test
        void keepsSpacesAndKeywordsInsideAString() {
            assertThat(parse("name = \"a AND b\"")).isEqualTo(new Comparison(NAME, EQUALS, new Text("a AND b")));
        }

        @Test
        void readsDoubleQuotedFieldNames() {
            assertThat(parse("\"tags\" IN [\"a\"]")).isEqualTo(new InList(TAGS, false, List.of(new Text("a"))));
        }

        @Test
        void readsSingleQuotedFieldNames() {
            assertThat(parse("'name' = \"a\"")).isEqualTo(NAME_IS_A);
        }

        @Test
        void readsQuotedCustomMetadataFieldNames() {
            assertThat(parse("\"customMetadata.brand\" = \"nike\""))
                    .isEqualTo(new Comparison(new Field.CustomMetadata("brand"), EQUALS, new Text("nike")));
        }

        @Test
        void acceptsCustomMetadataFieldNamesWithoutQuotes() {
            assertThat(parse("customMetadata.brand = \"nike\""))
                    .isEqualTo(new Comparison(new Field.CustomMetadata("brand"), EQUALS, new Text("nike")));
        }

        @Test
        void readsAnEmptyString() {
            assertThat(parse("name = \"\"")).isEqualTo(new Comparison(NAME, EQUALS, new Text("")));
        }
    }

    @Nested
    class Keywords {

        @Test
        void acceptsLogicalKeywordsInAnyCase() {
            assertThat(parse("name = \"a\" or name = \"b\" And name = \"c\""))
                    .isEqualTo(Or.of(NAME_IS_A, And.of(NAME_IS_B, NAME_IS_C)));
        }

        @Test
        void acceptsOperatorKeywordsInAnyCase() {
            assertThat(parse("tags not in [\"a\"] AND tags Has \"b\" AND tags nOt ExIsTs AND tags in [\"c\"]"))
                    .isEqualTo(And.of(
                            new InList(TAGS, true, List.of(new Text("a"))),
                            new Has(TAGS, "b"),
                            new Exists(TAGS, true),
                            new InList(TAGS, false, List.of(new Text("c")))));
        }

        @Test
        void acceptsNotEqualsInAnyCase() {
            assertThat(parse("id not = \"f1\"")).isEqualTo(new Comparison(ID, NOT_EQUALS, new Text("f1")));
        }

        @Test
        void acceptsBooleansInAnyCase() {
            assertThat(parse("private = TRUE")).isEqualTo(new Comparison(PRIVATE, EQUALS, new Bool(true)));
        }
    }

    @Nested
    class Dates {

        @Test
        void readsADateAsMidnightUtc() {
            assertThat(parse("createdAt > \"2024-01-31\""))
                    .isEqualTo(new Comparison(CREATED_AT, GREATER_THAN, at("2024-01-31T00:00:00Z")));
        }

        @Test
        void readsAnUnquotedDate() {
            assertThat(parse("createdAt > 2024-01-31"))
                    .isEqualTo(new Comparison(CREATED_AT, GREATER_THAN, at("2024-01-31T00:00:00Z")));
        }

        @Test
        void readsADateTimeAsUtc() {
            assertThat(parse("updatedAt <= \"2024-01-31T10:20:30\""))
                    .isEqualTo(new Comparison(UPDATED_AT, LESS_OR_EQUAL, at("2024-01-31T10:20:30Z")));
        }

        @Test
        void readsAnUnquotedDateTime() {
            assertThat(parse("updatedAt <= 2024-01-31T10:20:30"))
                    .isEqualTo(new Comparison(UPDATED_AT, LESS_OR_EQUAL, at("2024-01-31T10:20:30Z")));
        }

        @Test
        void acceptsMillisecondsAndATrailingZ() {
            assertThat(parse("createdAt = 2024-01-31T10:20:30.456Z"))
                    .isEqualTo(new Comparison(CREATED_AT, EQUALS, at("2024-01-31T10:20:30.456Z")));
        }

        @Test
        void keepsMillisecondsOnlyAsTheIndexDoes() {
            assertThat(parse("createdAt = \"2024-01-31T10:20:30.456789Z\""))
                    .isEqualTo(new Comparison(CREATED_AT, EQUALS, at("2024-01-31T10:20:30.456Z")));
        }

        @ParameterizedTest
        @CsvSource({
                "3h, 2024-06-15T09:30:00Z",
                "7d, 2024-06-08T12:30:00Z",
                "2w, 2024-06-01T12:30:00Z",
                "6m, 2023-12-15T12:30:00Z",
                "1y, 2023-06-15T12:30:00Z",
                "0d, 2024-06-15T12:30:00Z"})
        void readsARelativeTimeAsThatLongBeforeNow(String relative, String instant) {
            assertThat(parse("createdAt > \"" + relative + "\""))
                    .isEqualTo(new Comparison(CREATED_AT, GREATER_THAN, at(instant)));
        }

        @Test
        void readsMonthsAsCalendarMonths() {
            Clock endOfMarch = Clock.fixed(Instant.parse("2024-03-31T00:00:00Z"), ZoneOffset.UTC);

            assertThat(SearchQueryParser.parse("createdAt > \"1m\"", endOfMarch))
                    .isEqualTo(new Comparison(CREATED_AT, GREATER_THAN, at("2024-02-29T00:00:00Z")));
        }

        @Test
        void readsAnUnquotedRelativeTime() {
            assertThat(parse("createdAt < 2d")).isEqualTo(new Comparison(CREATED_AT, LESS_THAN, at("2024-06-13T12:30:00Z")));
        }

        @Test
        void acceptsUpperCaseRelativeUnits() {
            assertThat(parse("createdAt > \"7D\"")).isEqualTo(new Comparison(CREATED_AT, GREATER_THAN, at("2024-06-08T12:30:00Z")));
        }

        @Test
        void readsEveryDateOfAList() {
            assertThat(parse("createdAt IN [\"2024-01-01\", 2024-01-02T03:04:05]"))
                    .isEqualTo(new InList(CREATED_AT, false, List.of(at("2024-01-01T00:00:00Z"), at("2024-01-02T03:04:05Z"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"2024-13-01\"", "\"2024-02-30\"", "\"yesterday\"", "\"7x\"", "1700000000000", "\"\"", "true"})
        void rejectsWhatIsNotADate(String value) {
            SearchQueryException error = error("createdAt > " + value);

            assertThat(error.getMessage()).startsWith("Invalid value '" + value.replace("\"", "")
                    + "' for field 'createdAt' at position 12: expected a date like 2024-01-31");
        }

        @Test
        void rejectsATimeAgoBeyondWhatTheIndexCanHold() {
            assertThat(error("createdAt > \"400000000y\"").token()).isEqualTo("400000000y");
        }
    }

    @Nested
    class Sizes {

        @Test
        void readsBytes() {
            assertThat(parse("size > 1024")).isEqualTo(new Comparison(SIZE, GREATER_THAN, Numeric.of(1024)));
        }

        @ParameterizedTest
        @CsvSource({
                "\"10kb\", 10240",
                "\"1mb\", 1048576",
                "\"1gb\", 1073741824",
                "\"10KB\", 10240",
                "\"2Mb\", 2097152",
                "\"1.5mb\", 1572864",
                "'2mb', 2097152",
                "\"10 kb\", 10240",
                "\"512b\", 512",
                "\"2048\", 2048",
                "1mb, 1048576"})
        void readsSizesWithUnitsInBinaryMultiples(String size, long bytes) {
            assertThat(parse("size < " + size)).isEqualTo(new Comparison(SIZE, LESS_THAN, Numeric.of(bytes)));
        }

        @Test
        void keepsAFractionOfAByte() {
            assertThat(parse("size < \"1.1kb\"")).isEqualTo(new Comparison(SIZE, LESS_THAN, number("1126.4")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"10 parsecs\"", "\"mb\"", "\"-1kb\"", "\"1tb\"", "true", "99999999999999999999"})
        void rejectsWhatIsNotASize(String size) {
            SearchQueryException error = error("size < " + size);

            assertThat(error.getMessage()).isEqualTo("Invalid value '" + size.replace("\"", "")
                    + "' for field 'size' at position 7: expected a number of bytes or a size like \"10kb\", \"1.5mb\" or \"1gb\"");
        }
    }

    @Nested
    class Values {

        @Test
        void readsWholeAndDecimalNumbers() {
            assertThat(parse("width IN [300, 12.5, -1]"))
                    .isEqualTo(new InList(WIDTH, false, List.of(Numeric.of(300), number("12.5"), Numeric.of(-1))));
        }

        @Test
        void acceptsAQuotedNumberForANumericField() {
            assertThat(parse("width = \"300\"")).isEqualTo(new Comparison(WIDTH, EQUALS, Numeric.of(300)));
        }

        @Test
        void rejectsTextForANumericField() {
            assertThat(error("width = \"wide\"").getMessage())
                    .isEqualTo("Invalid value 'wide' for field 'width' at position 8: expected a number");
        }

        @ParameterizedTest
        @CsvSource({"/a/b, /a/b/", "a/b/, /a/b/", "/a/b/, /a/b/", "/, /", "a, /a/", "//a//b//, /a/b/"})
        void normalisesFolderPaths(String written, String folder) {
            assertThat(parse("path = \"" + written + "\"")).isEqualTo(new Comparison(PATH, EQUALS, new Text(folder)));
        }

        @Test
        void normalisesFolderPathsOfBeginsWith() {
            assertThat(parse("path : \"products\"")).isEqualTo(new Comparison(PATH, BEGINS_WITH, new Text("/products/")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"file", "file-version", "folder"})
        void readsEachType(String type) {
            assertThat(parse("type = \"" + type + "\"")).isEqualTo(new Comparison(TYPE, EQUALS, new Text(type)));
        }

        @Test
        void lowerCasesTheType() {
            assertThat(parse("type = \"File-Version\"")).isEqualTo(new Comparison(TYPE, EQUALS, new Text("file-version")));
        }

        @Test
        void rejectsAnUnknownType() {
            assertThat(error("type = \"image\"").getMessage()).isEqualTo(
                    "Invalid value 'image' for field 'type' at position 7: expected \"file\", \"file-version\" or \"folder\"");
        }

        @Test
        void lowerCasesTheFormatAndReadsJpegAsJpg() {
            assertThat(parse("format IN [\"PNG\", \"jpeg\"]"))
                    .isEqualTo(new InList(FORMAT, false, List.of(new Text("png"), new Text("jpg"))));
        }

        @Test
        void readsBooleanFlags() {
            assertThat(parse("private = false")).isEqualTo(new Comparison(PRIVATE, EQUALS, new Bool(false)));
        }

        @Test
        void acceptsAQuotedBooleanForAFlag() {
            assertThat(parse("private = \"true\"")).isEqualTo(new Comparison(PRIVATE, EQUALS, new Bool(true)));
        }

        @Test
        void rejectsAnythingButABooleanForAFlag() {
            assertThat(error("published = \"yes\"").getMessage())
                    .isEqualTo("Invalid value 'yes' for field 'published' at position 12: expected true or false");
        }

        @Test
        void rejectsAnUnquotedStringForATextField() {
            assertThat(error("type = file").getMessage())
                    .isEqualTo("Invalid value 'file' for field 'type' at position 7: expected a quoted string");
        }

        @Test
        void rejectsANumberForATextField() {
            assertThat(error("name = 12").getMessage())
                    .isEqualTo("Invalid value '12' for field 'name' at position 7: expected a quoted string");
        }

        @Test
        void rejectsHasWithoutWords() {
            assertThat(error("name HAS \"  \"").getMessage())
                    .isEqualTo("Invalid value '  ' for field 'name' at position 9: expected words to search for");
        }

        @Test
        void rejectsHasWithAnUnquotedWord() {
            assertThat(error("name HAS dress").getMessage())
                    .isEqualTo("Invalid value 'dress' for field 'name' at position 9: expected a quoted string");
        }
    }

    @Nested
    class CustomMetadata {

        private final Field brand = new Field.CustomMetadata("brand");

        @Test
        void readsAQuotedValueAsText() {
            assertThat(parse("\"customMetadata.brand\" = \"nike\"")).isEqualTo(new Comparison(brand, EQUALS, new Text("nike")));
        }

        @Test
        void readsAnUnquotedNumberAsANumber() {
            assertThat(parse("\"customMetadata.brand\" > 99.5")).isEqualTo(new Comparison(brand, GREATER_THAN, number("99.5")));
        }

        @Test
        void readsAQuotedNumberAsText() {
            assertThat(parse("\"customMetadata.brand\" = \"42\"")).isEqualTo(new Comparison(brand, EQUALS, new Text("42")));
        }

        @Test
        void readsABooleanAsABoolean() {
            assertThat(parse("\"customMetadata.brand\" = false")).isEqualTo(new Comparison(brand, EQUALS, new Bool(false)));
        }

        @Test
        void readsAnUnquotedDateAsATime() {
            assertThat(parse("\"customMetadata.brand\" = 2024-01-01"))
                    .isEqualTo(new Comparison(brand, EQUALS, at("2024-01-01T00:00:00Z")));
        }

        @Test
        void comparesTheOrderOfAQuotedDateAsATime() {
            assertThat(parse("\"customMetadata.brand\" >= \"2024-01-01\""))
                    .isEqualTo(new Comparison(brand, GREATER_OR_EQUAL, at("2024-01-01T00:00:00Z")));
        }

        @Test
        void comparesTheOrderOfATimeAgoAsATime() {
            assertThat(parse("\"customMetadata.brand\" < \"7d\""))
                    .isEqualTo(new Comparison(brand, LESS_THAN, at("2024-06-08T12:30:00Z")));
        }

        @Test
        void keepsAQuotedDateAsTextForEquality() {
            assertThat(parse("\"customMetadata.brand\" = \"2024-01-01\""))
                    .isEqualTo(new Comparison(brand, EQUALS, new Text("2024-01-01")));
        }

        @Test
        void comparesTheOrderOfOtherTextAsText() {
            assertThat(parse("\"customMetadata.brand\" < \"m\"")).isEqualTo(new Comparison(brand, LESS_THAN, new Text("m")));
        }

        @Test
        void readsAListOfMixedValues() {
            assertThat(parse("\"customMetadata.brand\" IN [\"nike\", 42, true, 2024-01-01]"))
                    .isEqualTo(new InList(brand, false,
                            List.of(new Text("nike"), Numeric.of(42), new Bool(true), at("2024-01-01T00:00:00Z"))));
        }

        @Test
        void readsHasAsFullText() {
            assertThat(parse("\"customMetadata.brand\" HAS \"air max\"")).isEqualTo(new Has(brand, "air max"));
        }

        @Test
        void readsExists() {
            assertThat(parse("\"customMetadata.brand\" NOT EXISTS")).isEqualTo(new Exists(brand, true));
        }

        @Test
        void rejectsBeginsWithANumber() {
            assertThat(error("\"customMetadata.price\" : 10").getMessage())
                    .isEqualTo("Invalid value '10' for field 'customMetadata.price' at position 25: operator : needs a quoted string");
        }

        @Test
        void rejectsOrderingABoolean() {
            assertThat(error("\"customMetadata.sale\" > true").getMessage()).isEqualTo(
                    "Invalid value 'true' for field 'customMetadata.sale' at position 24: operator > needs a number, a date or a string");
        }

        @Test
        void rejectsAnUnquotedWord() {
            assertThat(error("\"customMetadata.brand\" = nike").getMessage()).isEqualTo(
                    "Invalid value 'nike' for field 'customMetadata.brand' at position 25: "
                            + "expected a quoted string, a number, true, false or a date");
        }

        @Test
        void readsEmbeddedMetadataFields() {
            assertThat(parse("\"embeddedMetadata.Keywords\" IN [\"beach\"]"))
                    .isEqualTo(new InList(new Field.EmbeddedMetadata("Keywords"), false, List.of(new Text("beach"))));
        }
    }

    @Nested
    class Lists {

        @Test
        void readsAListOfOne() {
            assertThat(parse("id IN [\"f1\"]")).isEqualTo(new InList(ID, false, List.of(new Text("f1"))));
        }

        @Test
        void readsAListWithoutSpaces() {
            assertThat(parse("id IN[\"f1\",\"f2\"]")).isEqualTo(new InList(ID, false, List.of(new Text("f1"), new Text("f2"))));
        }

        @Test
        void rejectsAnEmptyList() {
            SearchQueryException error = error("id IN []");

            assertThat(error.getMessage()).isEqualTo("Unexpected token ']' at position 7");
        }

        @Test
        void rejectsATrailingComma() {
            assertThat(error("id IN [\"a\",]").getMessage()).isEqualTo("Unexpected token ']' at position 11");
        }

        @Test
        void rejectsAValueWithoutBrackets() {
            assertThat(error("id IN \"a\"").getMessage()).isEqualTo("Unexpected token '\"a\"' at position 6");
        }

        @Test
        void rejectsAnUnclosedList() {
            assertThat(error("id IN [\"a\" AND").getMessage()).isEqualTo("Unexpected token 'AND' at position 11");
        }

        @Test
        void reportsTheElementThatIsInvalid() {
            SearchQueryException error = error("type IN [\"file\", \"image\"]");

            assertThat(error.position()).isEqualTo(17);
        }
    }

    @Nested
    class SyntaxErrors {

        @Test
        void reportsAnUnexpectedClosingParenthesis() {
            SearchQueryException error = error("(name = \"a\"))");

            assertThat(error).hasMessage("Unexpected token ')' at position 12")
                    .extracting(SearchQueryException::token, SearchQueryException::position)
                    .containsExactly(")", 12);
        }

        @Test
        void refusesParenthesesNestedDeeperThanTheLimit() {
            int depth = ExpressionParser.MAX_NESTING + 1;
            String query = "(".repeat(depth) + "name = \"a\"" + ")".repeat(depth);

            assertThat(error(query)).hasMessage("Parentheses nested deeper than " + ExpressionParser.MAX_NESTING
                    + " at position " + ExpressionParser.MAX_NESTING);
        }

        @Test
        void acceptsParenthesesNestedAsDeepAsTheLimit() {
            int depth = ExpressionParser.MAX_NESTING;

            assertThat(parse("(".repeat(depth) + "name = \"a\"" + ")".repeat(depth)))
                    .isEqualTo(parse("name = \"a\""));
        }

        @Test
        void reportsAnUnknownField() {
            SearchQueryException error = error("colour = \"red\"");

            assertThat(error).hasMessage("Unknown field 'colour' at position 0")
                    .extracting(SearchQueryException::token, SearchQueryException::position)
                    .containsExactly("colour", 0);
        }

        @Test
        void reportsAnUnknownQuotedFieldWithoutItsQuotes() {
            assertThat(error("size > 1 AND \"colour\" = \"red\"")).hasMessage("Unknown field 'colour' at position 13");
        }

        @Test
        void treatsFieldNamesAsCaseSensitive() {
            assertThat(error("Name = \"a\"")).hasMessage("Unknown field 'Name' at position 0");
        }

        @Test
        void reportsACustomMetadataFieldWithoutAKey() {
            assertThat(error("\"customMetadata.\" = \"a\"")).hasMessage("Unknown field 'customMetadata.' at position 0");
        }

        @Test
        void reportsAnOperatorNotAllowedOnTheField() {
            SearchQueryException error = error("size HAS \"big\"");

            assertThat(error).hasMessage("Operator HAS is not allowed on field 'size' at position 5")
                    .extracting(SearchQueryException::token, SearchQueryException::position)
                    .containsExactly("HAS", 5);
        }

        @Test
        void reportsAnUnterminatedString() {
            SearchQueryException error = error("name = \"red dress");

            assertThat(error).hasMessage("Unterminated string starting at position 7")
                    .extracting(SearchQueryException::position).isEqualTo(7);
        }

        @Test
        void reportsAStringEndingInABackslashAsUnterminated() {
            assertThat(error("name = 'red\\'")).hasMessage("Unterminated string starting at position 7");
        }

        @Test
        void reportsAQueryEndingAfterAnd() {
            SearchQueryException error = error("createdAt > \"7d\" AND");

            assertThat(error).hasMessage("Unexpected end of query after 'AND' at position 17")
                    .extracting(SearchQueryException::token, SearchQueryException::position)
                    .containsExactly("AND", 17);
        }

        @Test
        void reportsAQueryEndingAfterAnOperator() {
            assertThat(error("name =")).hasMessage("Unexpected end of query after '=' at position 5");
        }

        @Test
        void reportsAQueryEndingAfterNot() {
            assertThat(error("tags NOT")).hasMessage("Unexpected end of query after 'NOT' at position 5");
        }

        @Test
        void reportsAQueryEndingAfterAField() {
            assertThat(error("tags")).hasMessage("Unexpected end of query after 'tags' at position 0");
        }

        @Test
        void reportsAMissingClosingParenthesis() {
            assertThat(error("(name = \"a\" OR name = \"b\"")).hasMessage("Unexpected end of query after '\"b\"' at position 22");
        }

        @Test
        void reportsEmptyParentheses() {
            assertThat(error("()")).hasMessage("Unexpected token ')' at position 1");
        }

        @Test
        void reportsAnUnexpectedCharacter() {
            SearchQueryException error = error("name != \"a\"");

            assertThat(error).hasMessage("Unexpected character '!' at position 5")
                    .extracting(SearchQueryException::token).isEqualTo("!");
        }

        @Test
        void reportsAMissingOperator() {
            assertThat(error("name \"a\"")).hasMessage("Unexpected token '\"a\"' at position 5");
        }

        @Test
        void reportsAMissingAndBetweenConditions() {
            assertThat(error("name = \"a\" name = \"b\"")).hasMessage("Unexpected token 'name' at position 11");
        }

        @Test
        void reportsAKeywordWhereAFieldBelongs() {
            assertThat(error("AND name = \"a\"")).hasMessage("Unexpected token 'AND' at position 0");
        }

        @Test
        void reportsAKeywordWhereAValueBelongs() {
            assertThat(error("name = OR")).hasMessage("Unexpected token 'OR' at position 7");
        }

        @Test
        void reportsNotFollowedByAnythingButInEqualsOrExists() {
            assertThat(error("name NOT HAS \"a\"")).hasMessage("Unexpected token 'HAS' at position 9");
        }

        @Test
        void reportsALeadingNot() {
            assertThat(error("NOT name = \"a\"")).hasMessage("Unexpected token 'NOT' at position 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void reportsAnEmptyQuery(String query) {
            assertThat(error(query)).hasMessage("Empty search query at position 0");
        }

        @Test
        void countsPositionsFromTheStartOfTheQueryIncludingWhitespace() {
            assertThat(error("  size > 1 AND\n  colour = \"red\"").position()).isEqualTo(17);
        }
    }

    @Nested
    class WhatTheQueryAsks {

        @Test
        void constrainsTypeWhenATypeConditionIsNestedAnywhere() {
            assertThat(parse("size > 1 OR (name = \"a\" AND type NOT = \"folder\")").constrainsType()).isTrue();
        }

        @Test
        void doesNotConstrainTypeWithoutATypeCondition() {
            assertThat(parse("size > 1 OR (name = \"a\" AND tags EXISTS)").constrainsType()).isFalse();
        }

        @Test
        void containsHasWhenAnyConditionIsFullText() {
            assertThat(parse("size > 1 AND (id = \"a\" OR tags HAS \"sale\")").containsHas()).isTrue();
        }

        @Test
        void doesNotContainHasWithoutFullText() {
            assertThat(parse("name : \"a\"").containsHas()).isFalse();
        }
    }

    @Nested
    class InstanceWithAClock {

        @Test
        void parsesLikeTheStaticEntryPoint() {
            SearchQueryParser parser = new SearchQueryParser(CLOCK);

            assertThat(parser.parse("createdAt > \"7d\"")).isEqualTo(parse("createdAt > \"7d\""));
        }
    }
}
