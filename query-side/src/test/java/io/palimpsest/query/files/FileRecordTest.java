package io.palimpsest.query.files;

import static io.palimpsest.query.support.FileHistory.aiTag;
import static io.palimpsest.query.support.FileHistory.jpeg;
import static io.palimpsest.query.support.FileHistory.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.palimpsest.query.support.FileHistory;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.events.FileEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How the read models understand each file event: {@link FileRecord} folded from a history the way
 * the file aggregate writes it.
 */
class FileRecordTest {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final Instant T3 = T0.plusSeconds(180);
    static final Instant T4 = T0.plusSeconds(240);

    /** As Spring Boot configures Jackson: ISO-8601 instants. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static FileHistory catUploaded() {
        return FileHistory.uploaded("/images/cat.jpg", T0);
    }

    /** Versions 1..3 of cat.jpg uploaded at T0, T1, T2; Version 3 current. */
    static FileHistory catWithThreeVersions() {
        return catUploaded().versionAdded(T1).versionAdded(T2);
    }

    static FileRecord folded(FileHistory history) {
        return foldedInto(FileRecord.empty(history.id()), history.events());
    }

    static FileRecord foldedInto(FileRecord record, List<FileEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            record.apply(events.get(sequence), sequence);
        }
        return record;
    }

    static List<String> versionNames(FileRecord record) {
        return record.versions().stream().map(VersionRecord::name).toList();
    }

    static VersionRecord currentOf(FileRecord record) {
        return record.current().orElseThrow();
    }

    static String json(FileRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class FileCreated {

        @Test
        void placesTheFileAtItsPath() {
            FileRecord record = folded(FileHistory.uploaded("/images/cats/tom.jpg", T0));

            assertThat(List.of(record.folder(), record.name(), record.filePath()))
                    .containsExactly("/images/cats/", "tom.jpg", "/images/cats/tom.jpg");
        }

        @Test
        void makesVersion1WithTheFilesIdTheCurrentVersion() {
            FileHistory history = catUploaded();

            FileRecord record = folded(history);

            assertThat(currentOf(record).versionId()).isEqualTo(history.id());
        }

        @Test
        void keepsTheFirstVersionsContent() {
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(1234), tagged("pet"), T0);

            VersionRecord version1 = currentOf(folded(history));

            assertThat(List.of(version1.name(), version1.size(), version1.mime(), version1.width(), version1.details()))
                    .containsExactly("Version 1", 1234L, "image/jpeg", 640, tagged("pet"));
        }

        @Test
        void recordsTheSequenceOfTheEvent() {
            assertThat(folded(catUploaded()).sequence()).isZero();
        }
    }

    @Nested
    class VersionAdded {

        @Test
        void makesTheAddedVersionCurrent() {
            FileHistory history = catUploaded().versionAdded(T1);

            assertThat(currentOf(folded(history)).versionId()).isEqualTo(history.versionIdOf(2));
        }

        @Test
        void keepsTheEarlierVersions() {
            assertThat(versionNames(folded(catUploaded().versionAdded(T1))))
                    .containsExactly("Version 1", "Version 2");
        }

        @Test
        void givesTheAddedVersionItsOwnCreationTime() {
            FileRecord record = folded(catUploaded().versionAdded(T1));

            assertThat(currentOf(record).createdAt()).isEqualTo(T1);
        }
    }

    @Nested
    class VersionsAppended {

        @Test
        void appendsTheVersionsAfterTheExistingOnes() {
            FileRecord record = folded(catUploaded().versionsAppended(2, T1, T2));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3");
        }

        @Test
        void makesTheLastAppendedVersionCurrent() {
            FileHistory history = catUploaded().versionsAppended(2, T1, T2);

            assertThat(currentOf(folded(history)).versionId()).isEqualTo(history.versionIdOf(3));
        }

        @Test
        void keepsTheAppendedVersionsOwnUploadTime() {
            FileHistory history = catUploaded().versionsAppended(2, T1, T2);

            assertThat(folded(history).version(history.versionIdOf(2)).orElseThrow().createdAt()).isEqualTo(T1);
        }

        @Test
        void keepsTheAppendedVersionsOwnDetails() {
            FileHistory history = catUploaded().versionsAppended(1, T1, T2);

            assertThat(currentOf(folded(history)).details()).isEqualTo(tagged("moved"));
        }

        @Test
        void stampsTheFileUpdatedAtWithTheAppendTime() {
            assertThat(folded(catUploaded().versionsAppended(1, T1, T2)).updatedAt()).isEqualTo(T2);
        }
    }

    @Nested
    class VersionRestored {

        @Test
        void makesTheRestoredVersionCurrent() {
            FileHistory history = catWithThreeVersions().versionRestored(1, T3);

            assertThat(currentOf(folded(history)).versionId()).isEqualTo(history.versionIdOf(1));
        }

        @Test
        void keepsTheRestoredVersionsIdAndName() {
            FileHistory history = catWithThreeVersions().versionRestored(2, T3);

            VersionRecord restored = currentOf(folded(history));

            assertThat(List.of(restored.versionId(), restored.name())).containsExactly(history.versionIdOf(2), "Version 2");
        }

        @Test
        void keepsEveryVersionInTheHistory() {
            FileRecord record = folded(catWithThreeVersions().versionRestored(1, T3));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3");
        }

        @Test
        void stampsTheFileUpdatedAtWithTheRestoreTime() {
            assertThat(folded(catWithThreeVersions().versionRestored(1, T3)).updatedAt()).isEqualTo(T3);
        }
    }

    @Nested
    class VersionDeleted {

        @Test
        void removesOnlyTheDeletedVersion() {
            FileRecord record = folded(catWithThreeVersions().versionDeleted(2, T3));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 3");
        }

        @Test
        void leavesTheCurrentVersionCurrent() {
            FileHistory history = catWithThreeVersions().versionDeleted(1, T3);

            assertThat(currentOf(folded(history)).versionId()).isEqualTo(history.versionIdOf(3));
        }

        @Test
        void stampsTheFileUpdatedAtWithTheDeletionTime() {
            assertThat(folded(catWithThreeVersions().versionDeleted(1, T3)).updatedAt()).isEqualTo(T3);
        }
    }

    @Nested
    class FileDeleted {

        @Test
        void leavesATombstone() {
            assertThat(folded(catWithThreeVersions().fileDeleted(T3)).deleted()).isTrue();
        }

        @Test
        void dropsEveryVersion() {
            assertThat(folded(catWithThreeVersions().fileDeleted(T3)).versions()).isEmpty();
        }

        @Test
        void leavesNoCurrentVersion() {
            assertThat(folded(catWithThreeVersions().fileDeleted(T3)).current()).isEmpty();
        }

        @Test
        void remembersTheSequenceOfTheDeletion() {
            FileHistory history = catWithThreeVersions().fileDeleted(T3);

            assertThat(folded(history).sequence()).isEqualTo(history.lastSequence());
        }
    }

    @Nested
    class FileMergedAway {

        @Test
        void leavesATombstone() {
            assertThat(folded(catWithThreeVersions().mergedAway(T3)).deleted()).isTrue();
        }

        @Test
        void dropsEveryVersion() {
            assertThat(folded(catWithThreeVersions().mergedAway(T3)).versions()).isEmpty();
        }
    }

    @Nested
    class FileRenamed {

        @Test
        void changesTheNameInTheSameFolder() {
            FileRecord record = folded(catUploaded().renamed("tom.jpg", T1));

            assertThat(record.filePath()).isEqualTo("/images/tom.jpg");
        }

        @Test
        void takesEveryVersionAlong() {
            FileRecord record = folded(catWithThreeVersions().renamed("tom.jpg", T3));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3");
        }

        @Test
        void stampsTheFileUpdatedAtWithTheRenameTime() {
            assertThat(folded(catUploaded().renamed("tom.jpg", T1)).updatedAt()).isEqualTo(T1);
        }
    }

    @Nested
    class FileMoved {

        @Test
        void changesTheFolderAndKeepsTheName() {
            FileRecord record = folded(catUploaded().moved("/archive/2024/", T1));

            assertThat(record.filePath()).isEqualTo("/archive/2024/cat.jpg");
        }

        @Test
        void stampsTheFileUpdatedAtWithTheMoveTime() {
            assertThat(folded(catUploaded().moved("/archive/", T1)).updatedAt()).isEqualTo(T1);
        }
    }

    @Nested
    class FileDetailsUpdated {

        static final VersionDetails EDITED = new VersionDetails(List.of("pet"), List.of(aiTag("cat")),
                Map.of("brand", "acme"), "10,10,100,100", "a cat", false, true);

        @Test
        void replacesTheCurrentVersionsDetails() {
            FileRecord record = folded(catWithThreeVersions().detailsUpdated(details -> EDITED, T3));

            assertThat(currentOf(record).details()).isEqualTo(EDITED);
        }

        @Test
        void leavesOlderVersionsDetailsAlone() {
            FileHistory history = catWithThreeVersions().detailsUpdated(details -> EDITED, T3);

            assertThat(folded(history).version(history.versionIdOf(1)).orElseThrow().details())
                    .isEqualTo(FileHistory.BARE);
        }

        @Test
        void stampsTheVersionsUpdatedAt() {
            FileRecord record = folded(catWithThreeVersions().detailsUpdated(details -> EDITED, T3));

            assertThat(currentOf(record).updatedAt()).isEqualTo(T3);
        }

        @Test
        void createsNoVersion() {
            FileRecord record = folded(catWithThreeVersions().detailsUpdated(details -> EDITED, T3));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3");
        }
    }

    @Nested
    class TagsAdded {

        @Test
        void givesTheCurrentVersionTheResultingTags() {
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(2048), tagged("pet"), T0)
                    .tagsAdded(T1, "cat", "pet");

            assertThat(currentOf(folded(history)).details().tags()).containsExactly("pet", "cat");
        }

        @Test
        void leavesOlderVersionsTagsAlone() {
            FileHistory history = catUploaded().versionAdded(T1).tagsAdded(T2, "cat");

            assertThat(folded(history).version(history.versionIdOf(1)).orElseThrow().details().tags()).isEmpty();
        }

        @Test
        void stampsTheFileUpdatedAt() {
            assertThat(folded(catUploaded().tagsAdded(T1, "cat")).updatedAt()).isEqualTo(T1);
        }
    }

    @Nested
    class TagsRemoved {

        @Test
        void givesTheCurrentVersionTheResultingTags() {
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(2048), tagged("pet", "cat", "cute"), T0)
                    .tagsRemoved(T1, "cat", "dog");

            assertThat(currentOf(folded(history)).details().tags()).containsExactly("pet", "cute");
        }

        @Test
        void stampsTheFileUpdatedAt() {
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(2048), tagged("pet"), T0)
                    .tagsRemoved(T1, "pet");

            assertThat(folded(history).updatedAt()).isEqualTo(T1);
        }
    }

    @Nested
    class AITagsRemoved {

        @Test
        void givesTheCurrentVersionTheResultingAITags() {
            VersionDetails autoTagged = FileHistory.BARE.withAiTags(List.of(aiTag("cat"), aiTag("sofa"), aiTag("pet")));
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(2048), autoTagged, T0)
                    .aiTagsRemoved(T1, "sofa");

            assertThat(currentOf(folded(history)).details().aiTags()).containsExactly(aiTag("cat"), aiTag("pet"));
        }

        @Test
        void leavesUserTagsAlone() {
            VersionDetails tagged = tagged("cat").withAiTags(List.of(aiTag("cat")));
            FileHistory history = FileHistory.uploaded("/images/cat.jpg", jpeg(2048), tagged, T0)
                    .aiTagsRemoved(T1, "cat");

            assertThat(currentOf(folded(history)).details().tags()).containsExactly("cat");
        }
    }

    @Nested
    class PublicationChanged {

        @Test
        void unpublishesTheCurrentVersion() {
            FileRecord record = folded(catWithThreeVersions().publicationChanged(false, false, T3));

            assertThat(currentOf(record).details().published()).isFalse();
        }

        @Test
        void leavesOtherVersionsPublishedWhenOnlyTheCurrentOneIsNamed() {
            FileHistory history = catWithThreeVersions().publicationChanged(false, false, T3);

            assertThat(folded(history).version(history.versionIdOf(1)).orElseThrow().details().published()).isTrue();
        }

        @Test
        void unpublishesEveryNamedVersion() {
            FileRecord record = folded(catWithThreeVersions().publicationChanged(false, true, T3));

            assertThat(record.versions()).extracting(v -> v.details().published()).containsOnly(false);
        }

        @Test
        void publishesAgain() {
            FileRecord record = folded(catUploaded().publicationChanged(false, false, T1)
                    .publicationChanged(true, false, T2));

            assertThat(currentOf(record).details().published()).isTrue();
        }
    }

    @Nested
    class VersionOrder {

        @Test
        void listsVersionsOldestFirstWhenAnOldOneIsCurrent() {
            FileRecord record = folded(catWithThreeVersions().versionRestored(1, T3));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3");
        }

        @Test
        void listsVersionsOldestFirstAfterRestoreAndFurtherUploads() {
            FileRecord record = folded(catWithThreeVersions().versionRestored(1, T3).versionAdded(T4));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 2", "Version 3", "Version 4");
        }

        @Test
        void continuesNumberingAfterTheHighestNumberEverUsed() {
            FileRecord record = folded(catWithThreeVersions().versionDeleted(2, T3).versionRestored(1, T3)
                    .versionAdded(T4));

            assertThat(versionNames(record)).containsExactly("Version 1", "Version 3", "Version 4");
        }
    }

    @Nested
    class FileTimes {

        @Test
        void fileCreatedAtIsVersion1sTime() {
            assertThat(folded(catWithThreeVersions()).createdAt()).isEqualTo(T0);
        }

        @Test
        void fileCreatedAtStaysVersion1sTimeOnceVersion1IsDeleted() {
            assertThat(folded(catWithThreeVersions().versionDeleted(1, T3)).createdAt()).isEqualTo(T0);
        }

        @Test
        void fileUpdatedAtIsTheTimeOfTheLastUpload() {
            assertThat(folded(catWithThreeVersions()).updatedAt()).isEqualTo(T2);
        }

        @Test
        void fileUpdatedAtIsTheTimeOfTheLastChangeOfAnyKind() {
            FileRecord record = folded(catWithThreeVersions().tagsAdded(T3, "pet").renamed("tom.jpg", T4));

            assertThat(record.updatedAt()).isEqualTo(T4);
        }

        @Test
        void aVersionKeepsItsOwnCreationTime() {
            FileHistory history = catWithThreeVersions();

            assertThat(folded(history).version(history.versionIdOf(2)).orElseThrow().createdAt()).isEqualTo(T1);
        }

        @Test
        void aNewFileWasUpdatedWhenItWasCreated() {
            assertThat(folded(catUploaded()).updatedAt()).isEqualTo(T0);
        }
    }

    @Nested
    class Idempotence {

        /** Every kind of event, in an order the file aggregate could have written them. */
        static FileHistory eventful() {
            VersionDetails autoTagged = tagged("pet").withAiTags(List.of(aiTag("cat"), aiTag("sofa")));
            return FileHistory.uploaded("/images/cat.jpg", jpeg(1000), autoTagged, T0)
                    .versionAdded(jpeg(2000), autoTagged, T1)
                    .versionsAppended(2, T0, T2)
                    .tagsAdded(T2, "cute")
                    .tagsRemoved(T2, "pet")
                    .aiTagsRemoved(T2, "sofa")
                    .detailsUpdated(details -> details.withDescription("a cat").withCustomMetadata(Map.of("n", 1)), T3)
                    .versionRestored(2, T3)
                    .versionDeleted(3, T3)
                    .publicationChanged(false, true, T3)
                    .renamed("tom.jpg", T4)
                    .moved("/archive/", T4);
        }

        @Test
        void replayingTheWholeHistoryTwiceGivesAnIdenticalRecord() {
            FileHistory history = eventful();
            FileRecord once = folded(history);

            FileRecord twice = foldedInto(folded(history), history.events());

            assertThat(json(twice)).isEqualTo(json(once));
        }

        @Test
        void replayingAHistoryThatEndsInDeletionTwiceGivesAnIdenticalTombstone() {
            FileHistory history = eventful().fileDeleted(T4);
            FileRecord once = folded(history);

            FileRecord twice = foldedInto(folded(history), history.events());

            assertThat(json(twice)).isEqualTo(json(once));
        }

        @Test
        void anOlderEventChangesNothing() {
            FileHistory history = catWithThreeVersions().versionRestored(1, T3);
            FileRecord record = folded(history);
            String before = json(record);

            record.apply(history.events().get(1), 1);

            assertThat(json(record)).isEqualTo(before);
        }

        @Test
        void anOlderEventIsNotApplied() {
            FileHistory history = catWithThreeVersions();

            assertThat(folded(history).apply(history.events().get(1), 1)).isFalse();
        }

        @Test
        void aRepeatedEventChangesNothing() {
            FileHistory history = catUploaded().tagsAdded(T1, "pet").tagsRemoved(T2, "pet");
            FileRecord record = folded(history);
            String before = json(record);

            record.apply(history.lastEvent(), history.lastSequence());

            assertThat(json(record)).isEqualTo(before);
        }

        @Test
        void anOlderEventDoesNotBringADeletedFileBack() {
            FileHistory history = catWithThreeVersions().fileDeleted(T3);
            FileRecord record = folded(history);

            record.apply(history.events().get(0), 0);

            assertThat(record.deleted()).isTrue();
        }

        @Test
        void aNewerEventIsApplied() {
            FileHistory history = catUploaded().versionAdded(T1);
            FileRecord record = foldedInto(FileRecord.empty(history.id()), history.events().subList(0, 1));

            assertThat(record.apply(history.lastEvent(), history.lastSequence())).isTrue();
        }
    }
}
