package io.palimpsest.query.search.language;

import io.palimpsest.query.search.IndexFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.palimpsest.query.search.language.IndexedAsset.file;
import static io.palimpsest.query.search.language.IndexedAsset.folder;
import static io.palimpsest.query.search.language.IndexedAsset.oldVersion;
import static org.assertj.core.api.Assertions.assertThat;

class LuceneQueryTranslatorTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private static final String RED_DRESS = "red-dress";
    private static final String RED_SHOES = "red-shoes";
    private static final String OLD_BLUE_DRESS = "blue-dress-v1";
    private static final String REDWOOD = "redwood";
    private static final String MANUAL = "manual";
    private static final String PRODUCTS_FOLDER = "products-folder";
    private static final String ARCHIVED_DRESS = "archived-dress";
    private static final String[] EVERYTHING = {
            RED_DRESS, RED_SHOES, OLD_BLUE_DRESS, REDWOOD, MANUAL, PRODUCTS_FOLDER, ARCHIVED_DRESS};

    private static final AssetLibrary LIBRARY = new AssetLibrary(
            file(RED_DRESS, "red-dress.jpg", "/products/dresses/")
                    .tags("summer", "sale").created(daysAgo(2)).image("jpg", 1200, 800, 2 * MB, false)
                    .visibility(false, true)
                    .customMetadata("brand", "nike").customMetadata("price", 120).customMetadata("featured", true),
            file(RED_SHOES, "red-shoes.png", "/products/")
                    .tags("sale").created(daysAgo(10)).image("png", 300, 300, 500 * KB, true)
                    .visibility(false, true)
                    .customMetadata("brand", "adidas").customMetadata("price", 80),
            oldVersion(OLD_BLUE_DRESS, "blue-dress.jpg", "/products/dresses/")
                    .created(daysAgo(30)).image("jpg", 1200, 1600, 1536 * KB, false)
                    .visibility(false, true)
                    .customMetadata("brand", "nike").customMetadata("price", 99.5),
            file(REDWOOD, "Redwood.gif", "/")
                    .created(daysAgo(400)).image("gif", 64, 64, 100, true)
                    .visibility(true, false),
            file(MANUAL, "manual.pdf", "/docs/")
                    .tags("manual").created(daysAgo(5)).content("pdf", MB)
                    .visibility(false, true)
                    .customMetadata("notes", "Red carpet instructions"),
            folder(PRODUCTS_FOLDER, "products", "/")
                    .created(daysAgo(400)),
            file(ARCHIVED_DRESS, "red-dress-old.jpg", "/productsarchive/")
                    .tags("summer").created(daysAgo(60)).image("jpg", 800, 600, 300 * KB, false)
                    .visibility(false, true));

    @AfterAll
    static void closeLibrary() throws IOException {
        LIBRARY.close();
    }

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Query translate(String query) {
        return LuceneQueryTranslator.translate(SearchQueryParser.parse(query, CLOCK));
    }

    private static List<String> matches(String query) {
        return LIBRARY.search(translate(query));
    }

    @Nested
    class Equality {

        @Test
        void matchesAnExactName() {
            assertThat(matches("name = \"Redwood.gif\"")).containsExactly(REDWOOD);
        }

        @Test
        void comparesNamesCaseSensitively() {
            assertThat(matches("name = \"redwood.gif\"")).isEmpty();
        }

        @Test
        void excludesTheNameWithNotEquals() {
            assertThat(matches("name NOT = \"Redwood.gif\""))
                    .containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, OLD_BLUE_DRESS, MANUAL, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }

        @Test
        void matchesAnId() {
            assertThat(matches("id = \"manual\"")).containsExactly(MANUAL);
        }

        @Test
        void matchesFileVersions() {
            assertThat(matches("type = \"file-version\"")).containsExactly(OLD_BLUE_DRESS);
        }

        @Test
        void matchesFolders() {
            assertThat(matches("type = \"folder\"")).containsExactly(PRODUCTS_FOLDER);
        }

        @Test
        void matchesJpegAsJpg() {
            assertThat(matches("format = \"JPEG\"")).containsExactlyInAnyOrder(RED_DRESS, OLD_BLUE_DRESS, ARCHIVED_DRESS);
        }

        @Test
        void matchesPrivateFiles() {
            assertThat(matches("private = true")).containsExactly(REDWOOD);
        }

        @Test
        void matchesUnpublishedFiles() {
            assertThat(matches("published = false")).containsExactly(REDWOOD);
        }

        @Test
        void matchesImagesWithTransparency() {
            assertThat(matches("transparency = true")).containsExactlyInAnyOrder(RED_SHOES, REDWOOD);
        }

        @Test
        void matchesAnExactNumber() {
            assertThat(matches("height = 800")).containsExactly(RED_DRESS);
        }

        @Test
        void matchesNoWholeNumberWithAFraction() {
            assertThat(matches("height = 800.5")).isEmpty();
        }

        @Test
        void matchesAnExactSize() {
            assertThat(matches("size = \"1mb\"")).containsExactly(MANUAL);
        }

        @Test
        void excludesANumberWithNotEqualsIncludingDocumentsWithoutIt() {
            assertThat(matches("width NOT = 1200"))
                    .containsExactlyInAnyOrder(RED_SHOES, REDWOOD, MANUAL, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }
    }

    @Nested
    class NameBeginsWith {

        @Test
        void matchesNamesStartingWithTheText() {
            assertThat(matches("name : \"red-\"")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, ARCHIVED_DRESS);
        }

        @Test
        void comparesTheStartCaseSensitively() {
            assertThat(matches("name : \"Red\"")).containsExactly(REDWOOD);
        }
    }

    @Nested
    class Ranges {

        @Test
        void matchesWhatWasCreatedWithinTheLastSevenDays() {
            assertThat(matches("createdAt > \"7d\"")).containsExactlyInAnyOrder(RED_DRESS, MANUAL);
        }

        @Test
        void matchesWhatWasCreatedBeforeSevenDaysAgo() {
            assertThat(matches("createdAt < \"7d\""))
                    .containsExactlyInAnyOrder(RED_SHOES, OLD_BLUE_DRESS, REDWOOD, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }

        @Test
        void includesTheBoundWithAtLeast() {
            assertThat(matches("createdAt >= \"2024-06-05T12:00:00\"")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, MANUAL);
        }

        @Test
        void excludesTheBoundWithGreaterThan() {
            assertThat(matches("createdAt > \"2024-06-05T12:00:00\"")).containsExactlyInAnyOrder(RED_DRESS, MANUAL);
        }

        @Test
        void matchesSizesAboveAMegabyteButNotAtIt() {
            assertThat(matches("size > \"1mb\"")).containsExactlyInAnyOrder(RED_DRESS, OLD_BLUE_DRESS);
        }

        @Test
        void matchesSizesFromAMegabyte() {
            assertThat(matches("size >= \"1mb\"")).containsExactlyInAnyOrder(RED_DRESS, OLD_BLUE_DRESS, MANUAL);
        }

        @Test
        void matchesSizesBelowAFractionalBound() {
            assertThat(matches("size < \"1.5mb\"")).containsExactlyInAnyOrder(RED_SHOES, REDWOOD, MANUAL, ARCHIVED_DRESS);
        }

        @Test
        void matchesSizesUpToAFractionalBound() {
            assertThat(matches("size <= 100.5")).containsExactly(REDWOOD);
        }

        @Test
        void matchesSizesAboveAFractionalBound() {
            assertThat(matches("size > 99.5")).containsExactlyInAnyOrder(
                    RED_DRESS, RED_SHOES, OLD_BLUE_DRESS, REDWOOD, MANUAL, ARCHIVED_DRESS);
        }

        @Test
        void matchesWidthsUpToTheBound() {
            assertThat(matches("width <= 300")).containsExactlyInAnyOrder(RED_SHOES, REDWOOD);
        }

        @Test
        void matchesNothingAboveTheLargestNumber() {
            assertThat(matches("width > " + Long.MAX_VALUE)).isEmpty();
        }

        @Test
        void matchesEverythingBelowTheLargestNumberThatHasTheField() {
            assertThat(matches("width < " + Long.MAX_VALUE))
                    .containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, OLD_BLUE_DRESS, REDWOOD, ARCHIVED_DRESS);
        }
    }

    @Nested
    class Lists {

        @Test
        void matchesAnyOfTheTags() {
            assertThat(matches("tags IN [\"summer\", \"manual\"]")).containsExactlyInAnyOrder(RED_DRESS, MANUAL, ARCHIVED_DRESS);
        }

        @Test
        void matchesWhatHasNoneOfTheTags() {
            assertThat(matches("tags NOT IN [\"sale\", \"manual\"]"))
                    .containsExactlyInAnyOrder(OLD_BLUE_DRESS, REDWOOD, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }

        @Test
        void matchesAnyOfTheIds() {
            assertThat(matches("id IN [\"manual\", \"redwood\", \"unknown\"]")).containsExactlyInAnyOrder(MANUAL, REDWOOD);
        }

        @Test
        void matchesAnyOfTheNumbers() {
            assertThat(matches("width IN [300, 64]")).containsExactlyInAnyOrder(RED_SHOES, REDWOOD);
        }

        @Test
        void matchesAnyOfTheFormats() {
            assertThat(matches("format IN [\"png\", \"pdf\"]")).containsExactlyInAnyOrder(RED_SHOES, MANUAL);
        }

        @Test
        void matchesAnyOfTheTypes() {
            assertThat(matches("type NOT IN [\"file\"]")).containsExactlyInAnyOrder(OLD_BLUE_DRESS, PRODUCTS_FOLDER);
        }

        @Test
        void buildsADisjunctionThatNeedsOneMatch() {
            BooleanQuery query = (BooleanQuery) translate("tags IN [\"a\", \"b\"]");

            assertThat(query.getMinimumNumberShouldMatch()).isEqualTo(1);
            assertThat(query.clauses()).extracting(BooleanClause::getOccur).containsOnly(Occur.SHOULD);
        }
    }

    @Nested
    class Paths {

        @Test
        void matchesAFolderAndItsSubfoldersWithBeginsWith() {
            assertThat(matches("path : \"/products/\"")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, OLD_BLUE_DRESS);
        }

        @Test
        void matchesOnlyTheFolderItselfWithEquals() {
            assertThat(matches("path = \"/products/\"")).containsExactly(RED_SHOES);
        }

        @Test
        void matchesTheSameFolderHoweverItsSlashesAreWritten() {
            assertThat(matches("path = \"products\"")).containsExactly(RED_SHOES);
        }

        @Test
        void matchesEverythingUnderTheRoot() {
            assertThat(matches("path : \"/\"")).containsExactlyInAnyOrder(EVERYTHING);
        }

        @Test
        void matchesWhatIsNotInTheFolders() {
            assertThat(matches("path NOT IN [\"/\", \"/products/dresses/\"]"))
                    .containsExactlyInAnyOrder(RED_SHOES, MANUAL, ARCHIVED_DRESS);
        }
    }

    @Nested
    class FullText {

        @Test
        void matchesTheLastWordAsAPrefix() {
            assertThat(matches("name HAS \"red dre\"")).containsExactlyInAnyOrder(RED_DRESS, ARCHIVED_DRESS);
        }

        @Test
        void ignoresCase() {
            assertThat(matches("name HAS \"RED\"")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, REDWOOD, ARCHIVED_DRESS);
        }

        @Test
        void needsEveryWord() {
            assertThat(matches("name HAS \"red shoes\"")).containsExactly(RED_SHOES);
        }

        @Test
        void ranksWholeWordMatchesAbovePrefixMatches() {
            assertThat(matches("name HAS \"red\"")).last().isEqualTo(REDWOOD);
        }

        @Test
        void searchesTags() {
            assertThat(matches("tags HAS \"sum\"")).containsExactlyInAnyOrder(RED_DRESS, ARCHIVED_DRESS);
        }

        @Test
        void searchesCustomMetadataText() {
            assertThat(matches("\"customMetadata.notes\" HAS \"carpet instr\"")).containsExactly(MANUAL);
        }

        @Test
        void matchesNothingWhenTheTextHasNoWords() {
            assertThat(translate("name HAS \"!!\"")).isInstanceOf(MatchNoDocsQuery.class);
        }
    }

    @Nested
    class Existence {

        @Test
        void matchesWhatHasAnyTag() {
            assertThat(matches("tags EXISTS")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, MANUAL, ARCHIVED_DRESS);
        }

        @Test
        void matchesWhatHasNoTag() {
            assertThat(matches("tags NOT EXISTS")).containsExactlyInAnyOrder(OLD_BLUE_DRESS, REDWOOD, PRODUCTS_FOLDER);
        }

        @Test
        void matchesWhatHasACustomMetadataKey() {
            assertThat(matches("\"customMetadata.brand\" EXISTS")).containsExactlyInAnyOrder(RED_DRESS, RED_SHOES, OLD_BLUE_DRESS);
        }

        @Test
        void matchesWhatLacksACustomMetadataKey() {
            assertThat(matches("\"customMetadata.price\" NOT EXISTS"))
                    .containsExactlyInAnyOrder(REDWOOD, MANUAL, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }
    }

    @Nested
    class CustomMetadata {

        @Test
        void matchesExactText() {
            assertThat(matches("\"customMetadata.brand\" = \"nike\"")).containsExactlyInAnyOrder(RED_DRESS, OLD_BLUE_DRESS);
        }

        @Test
        void matchesTextThatBeginsWith() {
            assertThat(matches("\"customMetadata.brand\" : \"adi\"")).containsExactly(RED_SHOES);
        }

        @Test
        void ordersTextAsText() {
            assertThat(matches("\"customMetadata.brand\" < \"b\"")).containsExactly(RED_SHOES);
        }

        @Test
        void comparesNumbersAsNumbers() {
            assertThat(matches("\"customMetadata.price\" > 100")).containsExactly(RED_DRESS);
        }

        @Test
        void excludesTheBoundOfAGreaterThan() {
            assertThat(matches("\"customMetadata.price\" > 99.5")).containsExactly(RED_DRESS);
        }

        @Test
        void includesTheBoundOfAnAtLeast() {
            assertThat(matches("\"customMetadata.price\" >= 99.5")).containsExactlyInAnyOrder(RED_DRESS, OLD_BLUE_DRESS);
        }

        @Test
        void excludesTheBoundOfALessThan() {
            assertThat(matches("\"customMetadata.price\" < 99.5")).containsExactly(RED_SHOES);
        }

        @Test
        void matchesAnExactNumber() {
            assertThat(matches("\"customMetadata.price\" = 80")).containsExactly(RED_SHOES);
        }

        @Test
        void matchesABoolean() {
            assertThat(matches("\"customMetadata.featured\" = true")).containsExactly(RED_DRESS);
        }

        @Test
        void matchesAnyOfMixedValues() {
            assertThat(matches("\"customMetadata.brand\" IN [\"adidas\", 7, true]")).containsExactly(RED_SHOES);
        }

        @Test
        void excludesTheValueWithNotEquals() {
            assertThat(matches("\"customMetadata.brand\" NOT = \"nike\""))
                    .containsExactlyInAnyOrder(RED_SHOES, REDWOOD, MANUAL, PRODUCTS_FOLDER, ARCHIVED_DRESS);
        }
    }

    @Nested
    class DataThatIsNeverIndexed {

        @ParameterizedTest
        @ValueSource(strings = {
                "createdBy = \"ann@example.com\"",
                "createdBy IN [\"ann@example.com\"]",
                "\"embeddedMetadata.Keywords\" IN [\"beach\"]",
                "\"embeddedMetadata.Keywords\" EXISTS",
                "\"embeddedMetadata.DateTimeOriginal\" > \"7d\"",
                "\"embeddedMetadata.Caption\" HAS \"beach\"",
                "\"embeddedMetadata.Caption\" : \"be\""})
        void matchesNothingAsked(String query) {
            assertThat(translate(query)).isInstanceOf(MatchNoDocsQuery.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "createdBy NOT = \"ann@example.com\"",
                "createdBy NOT IN [\"ann@example.com\"]",
                "\"embeddedMetadata.Keywords\" NOT IN [\"beach\"]",
                "\"embeddedMetadata.Keywords\" NOT EXISTS"})
        void matchesEverythingWhenNegated(String query) {
            assertThat(translate(query)).isInstanceOf(MatchAllDocsQuery.class);
        }

        @Test
        void leavesTheRestOfTheQueryToDecide() {
            assertThat(matches("createdBy = \"ann@example.com\" OR id = \"manual\"")).containsExactly(MANUAL);
        }
    }

    @Nested
    class Combinations {

        @Test
        void bindsAndTighterThanOr() {
            assertThat(matches("type = \"folder\" OR format = \"png\" AND private = true")).containsExactly(PRODUCTS_FOLDER);
        }

        @Test
        void groupsWithParentheses() {
            assertThat(matches("(type = \"folder\" OR format = \"png\") AND transparency = true")).containsExactly(RED_SHOES);
        }

        @Test
        void combinesTheSpecificationsExamples() {
            assertThat(matches("(size < \"1mb\" AND width > 500) OR (tags IN [\"summer-sale\", \"manual\"])"))
                    .containsExactlyInAnyOrder(ARCHIVED_DRESS, MANUAL);
        }

        @Test
        void findsOldVersionsInASubtree() {
            assertThat(matches("type = \"file-version\" AND path : \"/products/\"")).containsExactly(OLD_BLUE_DRESS);
        }

        @Test
        void negatesWithAMatchAllAndAMustNot() {
            BooleanQuery query = (BooleanQuery) translate("id NOT = \"a\"");

            assertThat(query.clauses()).containsExactly(
                    new BooleanClause(new MatchAllDocsQuery(), Occur.MUST),
                    new BooleanClause(new TermQuery(new Term(IndexFields.ID, "a")), Occur.MUST_NOT));
        }
    }
}
