package io.palimpsest.command.files.upload.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palimpsest.shared.files.FolderPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The checks language as an upload sees it: what parses, and what each check lets through. */
class UploadChecksParserTest {

    private static final UploadFacts PNG_IN_MARKETING =
            new UploadFacts(FolderPath.parse("/marketing/2024"), 300 * 1024, "image/png", 640, 480);
    private static final UploadFacts PDF_AT_ROOT = new UploadFacts(FolderPath.ROOT, 3 * 1024 * 1024, "application/pdf",
            null, null);

    private static boolean passes(String checks, UploadFacts facts) {
        return UploadChecksParser.parse(checks).passes(facts);
    }

    @Nested
    class Folder {

        @Test
        void beginsWithMatchesTheFolderAndItsSubfolders() {
            assertThat(passes("\"request.folder\" : \"marketing/\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" : \"/marketing/2024/\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" : \"sales/\"", PNG_IN_MARKETING)).isFalse();
        }

        @Test
        void beginsWithNeverTakesInAFolderThatOnlySharesTheFirstLetters() {
            UploadFacts archived = new UploadFacts(FolderPath.parse("/marketing-archive"), 1, "image/png", 1, 1);

            assertThat(passes("\"request.folder\" : \"marketing\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" : \"marketing\"", archived)).isFalse();
            assertThat(passes("\"request.folder\" : \"/\"", archived)).isTrue();
        }

        @Test
        void equalsNamesOneFolderHoweverItsSlashesAreWritten() {
            assertThat(passes("\"request.folder\" = \"marketing/2024\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" = \"//marketing//2024/\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" = \"marketing\"", PNG_IN_MARKETING)).isFalse();
            assertThat(passes("\"request.folder\" = \"/\"", PDF_AT_ROOT)).isTrue();
        }

        @Test
        void inAndNotInTakeAListOfFolders() {
            assertThat(passes("\"request.folder\" IN [\"sales\", \"marketing/2024\"]", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"request.folder\" NOT IN [\"sales\", \"marketing/2024\"]", PNG_IN_MARKETING)).isFalse();
            assertThat(passes("\"request.folder\" NOT = \"sales\"", PNG_IN_MARKETING)).isTrue();
        }
    }

    @Nested
    class Mime {

        @Test
        void comparesWithoutRegardToCase() {
            assertThat(passes("\"file.mime\" = \"IMAGE/PNG\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.mime\" : \"image/\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.mime\" : \"image/\"", PDF_AT_ROOT)).isFalse();
        }

        @Test
        void inListsAllowedTypes() {
            assertThat(passes("'file.mime' IN ['image/jpeg', 'image/png']", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("'file.mime' IN ['image/jpeg', 'image/png']", PDF_AT_ROOT)).isFalse();
        }
    }

    @Nested
    class Size {

        @Test
        void comparesWithUnitsOfPowersOf1024() {
            assertThat(passes("\"file.size\" < \"1mb\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.size\" < \"1mb\"", PDF_AT_ROOT)).isFalse();
            assertThat(passes("\"file.size\" <= \"300kb\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.size\" < \"300kb\"", PNG_IN_MARKETING)).isFalse();
            assertThat(passes("\"file.size\" >= \"2.5mb\"", PDF_AT_ROOT)).isTrue();
            assertThat(passes("\"file.size\" > 3145728", PDF_AT_ROOT)).isFalse();
            assertThat(passes("\"file.size\" = 3145728", PDF_AT_ROOT)).isTrue();
            assertThat(passes("\"file.size\" < \"1gb\"", PDF_AT_ROOT)).isTrue();
        }
    }

    @Nested
    class Dimensions {

        @Test
        void compareTheImagesWidthAndHeight() {
            assertThat(passes("\"file.width\" >= 640 AND \"file.height\" < 481", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.width\" > 640", PNG_IN_MARKETING)).isFalse();
        }

        @Test
        void aFileWithoutDimensionsSatisfiesOnlyTheNegatedOperators() {
            assertThat(passes("\"file.width\" < 10000", PDF_AT_ROOT)).isFalse();
            assertThat(passes("\"file.width\" NOT = 640", PDF_AT_ROOT)).isTrue();
            assertThat(passes("\"file.height\" NOT IN [480]", PDF_AT_ROOT)).isTrue();
        }
    }

    @Nested
    class Combinations {

        @Test
        void andBindsTighterThanOr() {
            // true OR (false AND false)
            assertThat(passes("\"file.size\" > 0 OR \"file.mime\" = \"a/b\" AND \"file.size\" = 1", PDF_AT_ROOT))
                    .isTrue();
            // (true OR false) AND false
            assertThat(passes("(\"file.size\" > 0 OR \"file.mime\" = \"a/b\") AND \"file.size\" = 1", PDF_AT_ROOT))
                    .isFalse();
        }

        @Test
        void keywordsAndUnquotedFieldNamesAreAccepted() {
            assertThat(passes("file.size < 1mb and (file.mime = image/png or file.mime = image/jpeg)",
                    PNG_IN_MARKETING)).isTrue();
        }

        @Test
        void escapedQuotesBelongToTheValue() {
            assertThat(passes("\"file.mime\" NOT = \"a\\\"b\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.mime\" = 'image\\/png'", PNG_IN_MARKETING)).isTrue();
        }

        @Test
        void anyWhitespaceSeparatesAndAnEscapedLineBreakStaysInTheValue() {
            assertThat(passes("\"file.size\"\u00a0<\n\"1mb\"", PNG_IN_MARKETING)).isTrue();
            assertThat(passes("\"file.mime\" NOT = \"a\\\nb\"", PNG_IN_MARKETING)).isTrue();
        }
    }

    @Nested
    class Refused {

        private static void refused(String checks, String detail) {
            assertThatThrownBy(() -> UploadChecksParser.parse(checks)).isInstanceOf(InvalidChecks.class)
                    .hasMessage(detail);
        }

        @Test
        void anUnknownField() {
            refused("\"file.colour\" = \"red\"", "unknown field \"file.colour\" at position 0");
        }

        @Test
        void anOperatorTheFieldDoesNotTake() {
            refused("\"request.folder\" < \"a\"", "operator < does not apply to request.folder at position 17");
            refused("\"file.size\" : 10", "operator : does not apply to file.size at position 12");
        }

        @Test
        void aSizeThatIsNotOne() {
            refused("\"file.size\" < \"big\"", "file.size takes a number of bytes or a size like \"10kb\" or \"1.5mb\", "
                    + "not \"big\" at position 14");
            refused("\"file.width\" > \"wide\"", "file.width takes a number, not \"wide\" at position 15");
        }

        @Test
        void aFolderThatCannotBeOne() {
            refused("\"request.folder\" = \"a b\"", "request.folder takes a folder path, not \"a b\" at position 19");
        }

        @Test
        void aMissingOperatorOrValue() {
            refused("\"file.size\"", "checks end too early at position 11");
            refused("\"file.size\" <", "checks end too early at position 13");
            refused("\"file.size\" 10", "unexpected 10 at position 12");
            refused("\"file.size\" < AND", "unexpected AND at position 14");
        }

        @Test
        void unbalancedBracketsAndParentheses() {
            refused("(\"file.size\" < 10", "checks end too early at position 17");
            refused("\"file.size\" < 10)", "unexpected ) at position 16");
            refused("\"file.mime\" IN [\"a\"", "checks end too early at position 19");
            refused("\"file.mime\" IN \"a\"", "unexpected \"a\" at position 15");
        }

        @Test
        void anUnterminatedStringOrAStrayCharacter() {
            refused("\"file.mime\" = \"image/png", "unterminated string at position 14");
            refused("\"file.size\" < 10 & \"file.size\" > 1", "unexpected & at position 17");
            refused("\"file.size\" < 10\u00a0& 1", "unexpected & at position 17");
        }

        @Test
        void emptyChecks() {
            refused("   ", "empty checks at position 0");
        }

        @Test
        void deepNestingAndOverlongChecks() {
            String deep = "(".repeat(30) + "\"file.size\" > 0" + ")".repeat(30);
            refused(deep, "parentheses nested deeper than " + UploadChecksParser.MAX_NESTING + " at position 20");
            String overlong = "\"file.mime\" = \"" + "a".repeat(UploadChecksParser.MAX_LENGTH) + "\"";
            refused(overlong, "checks longer than " + UploadChecksParser.MAX_LENGTH + " characters at position "
                    + UploadChecksParser.MAX_LENGTH);
        }
    }
}
