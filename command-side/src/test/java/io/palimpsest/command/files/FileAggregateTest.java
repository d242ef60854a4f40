package io.palimpsest.command.files;

import static io.palimpsest.command.files.FileFixture.BARE;
import static io.palimpsest.command.files.FileFixture.FILE;
import static io.palimpsest.command.files.FileFixture.KEEP_ALL;
import static io.palimpsest.command.files.FileFixture.NOW;
import static io.palimpsest.command.files.FileFixture.OTHER_FILE;
import static io.palimpsest.command.files.FileFixture.OVERWRITE_ALL;
import static io.palimpsest.command.files.FileFixture.PATH;
import static io.palimpsest.command.files.FileFixture.addVersion;
import static io.palimpsest.command.files.FileFixture.aiTag;
import static io.palimpsest.command.files.FileFixture.anUpload;
import static io.palimpsest.command.files.FileFixture.append;
import static io.palimpsest.command.files.FileFixture.deleteVersion;
import static io.palimpsest.command.files.FileFixture.editCustomCoordinates;
import static io.palimpsest.command.files.FileFixture.editCustomMetadata;
import static io.palimpsest.command.files.FileFixture.editDescription;
import static io.palimpsest.command.files.FileFixture.editRemovingAITags;
import static io.palimpsest.command.files.FileFixture.editRemovingAllAITags;
import static io.palimpsest.command.files.FileFixture.editTags;
import static io.palimpsest.command.files.FileFixture.fileCreatedWith;
import static io.palimpsest.command.files.FileFixture.fileCreatedWithVersions;
import static io.palimpsest.command.files.FileFixture.fileId;
import static io.palimpsest.command.files.FileFixture.folder;
import static io.palimpsest.command.files.FileFixture.hash;
import static io.palimpsest.command.files.FileFixture.name;
import static io.palimpsest.command.files.FileFixture.numberedAs;
import static io.palimpsest.command.files.FileFixture.restore;
import static io.palimpsest.command.files.FileFixture.then;
import static io.palimpsest.command.files.FileFixture.upload;
import static io.palimpsest.command.files.FileFixture.version;
import static io.palimpsest.command.files.FileFixture.versionId;
import static io.palimpsest.command.files.FileFixture.versionsOfOtherFile;

import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.commands.AddTags;
import io.palimpsest.shared.files.commands.AddVersion;
import io.palimpsest.shared.files.commands.ChangePublication;
import io.palimpsest.shared.files.commands.CreateFile;
import io.palimpsest.shared.files.commands.CreateFileFromCopy;
import io.palimpsest.shared.files.commands.DeleteFile;
import io.palimpsest.shared.files.commands.DeleteVersion;
import io.palimpsest.shared.files.commands.MergeFileAway;
import io.palimpsest.shared.files.commands.MoveFile;
import io.palimpsest.shared.files.commands.OverwriteRules;
import io.palimpsest.shared.files.commands.RemoveAITags;
import io.palimpsest.shared.files.commands.RemoveTags;
import io.palimpsest.shared.files.commands.RenameFile;
import io.palimpsest.shared.files.events.AITagsRemoved;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.FileDeleted;
import io.palimpsest.shared.files.events.FileDetailsUpdated;
import io.palimpsest.shared.files.events.FileMergedAway;
import io.palimpsest.shared.files.events.FileMoved;
import io.palimpsest.shared.files.events.FileRenamed;
import io.palimpsest.shared.files.events.PublicationChanged;
import io.palimpsest.shared.files.events.TagsAdded;
import io.palimpsest.shared.files.events.TagsRemoved;
import io.palimpsest.shared.files.events.VersionAdded;
import io.palimpsest.shared.files.events.VersionDeleted;
import io.palimpsest.shared.files.events.VersionRestored;
import io.palimpsest.shared.files.events.VersionsAppended;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FileAggregateTest {

    private static final String EVERY_COMMAND = "io.palimpsest.command.files.FileFixture#everyCommandOnAnExistingFile";

    private FixtureConfiguration<FileAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FileAggregate.class);
    }

    @Nested
    class Creating {

        @Test
        void createsAFileWhoseFirstUploadIsVersion1() {
            var firstUpload = anUpload(1).withId(FILE.firstVersionId()).build();

            fixture.givenNoPriorActivity()
                    .when(new CreateFile(FILE, PATH, firstUpload))
                    .expectEvents(new FileCreated(FILE, PATH,
                            new FileVersion(FILE.firstVersionId(), 1, firstUpload.content(), BARE, NOW, VersionSource.UPLOAD),
                            null));
        }

        @Test
        void keepsTheDetailsSentWithTheFirstUpload() {
            var firstUpload = anUpload(1)
                    .tags("cat", "pet")
                    .customMetadata(Map.of("colour", "grey"))
                    .customCoordinates("10,10,200,200")
                    .description("A grey cat")
                    .privateFile()
                    .build();

            fixture.givenNoPriorActivity()
                    .when(new CreateFile(FILE, PATH, firstUpload))
                    .expectEvents(new FileCreated(FILE, PATH, version(1, new VersionDetails(List.of("cat", "pet"),
                            List.of(), Map.of("colour", "grey"), "10,10,200,200", "A grey cat", true, true)), null));
        }
    }

    @Nested
    class AddingVersions {

        @Test
        void addsAnUploadAsTheNextVersion() {
            fixture.given(fileCreatedWithVersions(1))
                    .when(addVersion(2))
                    .expectEvents(new VersionAdded(FILE, version(2)));
        }

        @Test
        void returnsTheAddedVersion() {
            fixture.given(fileCreatedWithVersions(1))
                    .when(addVersion(2))
                    .expectResultMessagePayload(version(2));
        }

        @Test
        void makesTheAddedVersionCurrent() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(deleteVersion(2))
                    .expectException(CurrentVersionNotDeletable.class);
        }

        @Test
        void rejectsAnUploadExpectingAnotherPath() {
            fixture.given(fileCreatedWithVersions(1))
                    .when(new AddVersion(FILE, FilePath.of("/images/", "dog.jpg"), upload(2), OVERWRITE_ALL))
                    .expectNoEvents()
                    .expectException(StalePath.class);
        }

        @Test
        void rejectsAnUploadToThePathTheFileWasRenamedFrom() {
            fixture.given(then(fileCreatedWithVersions(1),
                            new FileRenamed(FILE, PATH, FilePath.of("/images/", "dog.jpg"), NOW)))
                    .when(addVersion(2))
                    .expectNoEvents()
                    .expectException(StalePath.class);
        }

        @Test
        void acceptsAnUploadToThePathTheFileWasMovedTo() {
            var movedTo = FilePath.of("/archive/", "cat.jpg");

            fixture.given(then(fileCreatedWithVersions(1), new FileMoved(FILE, PATH, movedTo, NOW)))
                    .when(new AddVersion(FILE, movedTo, upload(2), OVERWRITE_ALL))
                    .expectEvents(new VersionAdded(FILE, version(2)));
        }

        /**
         * The version being replaced carries everything an upload may inherit, so each test shows
         * what one overwrite rule keeps or drops.
         */
        @Nested
        class OverwriteFlags {

            private final VersionDetails previous = new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")),
                    Map.of("colour", "grey"), "1,2,3,4", "An old cat", true, false);

            private final OverwriteRules onlyTagsOverwritten = new OverwriteRules(true, false, false);
            private final OverwriteRules allButTagsOverwritten = new OverwriteRules(false, true, true);
            private final OverwriteRules onlyCustomMetadataOverwritten = new OverwriteRules(false, true, false);
            private final OverwriteRules allButCustomMetadataOverwritten = new OverwriteRules(true, false, true);
            private final OverwriteRules onlyAITagsOverwritten = new OverwriteRules(false, false, true);
            private final OverwriteRules allButAITagsOverwritten = new OverwriteRules(true, true, false);

            private List<Object> aFileWithDetailedVersion() {
                return fileCreatedWith(version(1, previous));
            }

            private void expectVersion2With(AddVersion command, VersionDetails details) {
                fixture.given(aFileWithDetailedVersion())
                        .when(command)
                        .expectEvents(new VersionAdded(FILE, version(2, details)));
            }

            @Test
            void sentTagsWinOverTagsThatWouldBeKept() {
                expectVersion2With(addVersion(anUpload(2).tags("new-tag").build(), KEEP_ALL),
                        new VersionDetails(List.of("new-tag"), List.of(aiTag("cat")), Map.of("colour", "grey"),
                                null, null, false, true));
            }

            @Test
            void sentTagsWinWhenOverwritingTags() {
                expectVersion2With(addVersion(anUpload(2).tags("new-tag").build(), OVERWRITE_ALL),
                        BARE.withTags(List.of("new-tag")));
            }

            @Test
            void dropsTagsNotSentWhenOverwriteTagsIsTrue() {
                expectVersion2With(addVersion(upload(2), onlyTagsOverwritten),
                        new VersionDetails(List.of(), List.of(aiTag("cat")), Map.of("colour", "grey"), null, null, false, true));
            }

            @Test
            void keepsTagsNotSentWhenOverwriteTagsIsFalse() {
                expectVersion2With(addVersion(upload(2), allButTagsOverwritten),
                        BARE.withTags(List.of("old-tag")));
            }

            @Test
            void sentCustomMetadataWinsOverMetadataThatWouldBeKept() {
                expectVersion2With(addVersion(anUpload(2).customMetadata(Map.of("size", "L")).build(), KEEP_ALL),
                        new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")), Map.of("size", "L"),
                                null, null, false, true));
            }

            @Test
            void sentCustomMetadataWinsWhenOverwritingCustomMetadata() {
                expectVersion2With(addVersion(anUpload(2).customMetadata(Map.of("size", "L")).build(), OVERWRITE_ALL),
                        BARE.withCustomMetadata(Map.of("size", "L")));
            }

            @Test
            void dropsCustomMetadataNotSentWhenOverwriteCustomMetadataIsTrue() {
                expectVersion2With(addVersion(upload(2), onlyCustomMetadataOverwritten),
                        new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")), Map.of(), null, null, false, true));
            }

            @Test
            void keepsCustomMetadataNotSentWhenOverwriteCustomMetadataIsFalse() {
                expectVersion2With(addVersion(upload(2), allButCustomMetadataOverwritten),
                        BARE.withCustomMetadata(Map.of("colour", "grey")));
            }

            @Test
            void dropsAITagsWhenOverwriteAITagsIsTrue() {
                expectVersion2With(addVersion(upload(2), onlyAITagsOverwritten),
                        new VersionDetails(List.of("old-tag"), List.of(), Map.of("colour", "grey"), null, null, false, true));
            }

            @Test
            void keepsAITagsWhenOverwriteAITagsIsFalse() {
                expectVersion2With(addVersion(upload(2), allButAITagsOverwritten),
                        BARE.withAiTags(List.of(aiTag("cat"))));
            }

            @Test
            void neverInheritsCustomCoordinates() {
                var withDescriptionSent = anUpload(2).description("A new cat").build();

                expectVersion2With(addVersion(withDescriptionSent, KEEP_ALL),
                        new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")), Map.of("colour", "grey"),
                                null, "A new cat", false, true));
            }

            @Test
            void neverInheritsTheDescription() {
                var withCoordinatesSent = anUpload(2).customCoordinates("5,5,50,50").build();

                expectVersion2With(addVersion(withCoordinatesSent, KEEP_ALL),
                        new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")), Map.of("colour", "grey"),
                                "5,5,50,50", null, false, true));
            }

            @Test
            void takesPrivacyAndPublicationFromTheUploadNotThePreviousVersion() {
                expectVersion2With(addVersion(upload(2), KEEP_ALL),
                        new VersionDetails(List.of("old-tag"), List.of(aiTag("cat")), Map.of("colour", "grey"),
                                null, null, false, true));
            }
        }
    }

    @Nested
    class VersionCap {

        @Test
        void acceptsAnUploadThatMakesTheHundredthVersion() {
            fixture.given(fileCreatedWithVersions(99))
                    .when(addVersion(100))
                    .expectEvents(new VersionAdded(FILE, version(100)));
        }

        @Test
        void rejectsAnUploadThatWouldMakeTheHundredAndFirstVersion() {
            fixture.given(fileCreatedWithVersions(100))
                    .when(addVersion(101))
                    .expectNoEvents()
                    .expectException(VersionLimitExceeded.class);
        }

        @Test
        void acceptsAnUploadAtTheCapOnceANonCurrentVersionIsDeleted() {
            fixture.given(then(fileCreatedWithVersions(100), new VersionDeleted(FILE, versionId(1), hash(1), NOW)))
                    .when(addVersion(101))
                    .expectEvents(new VersionAdded(FILE, version(101)));
        }

        @Test
        void acceptsAnAppendThatMakesTheHundredthVersion() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(fileCreatedWithVersions(98))
                    .when(append(VersionSource.COPY, incoming, "op-1"))
                    .expectEvents(new VersionsAppended(FILE, OTHER_FILE, List.of(
                            numberedAs(incoming.get(0), 99, VersionSource.COPY),
                            numberedAs(incoming.get(1), 100, VersionSource.COPY)), "op-1", NOW));
        }

        @Test
        void rejectsAnAppendThatWouldMakeTheHundredAndFirstVersion() {
            fixture.given(fileCreatedWithVersions(99))
                    .when(append(VersionSource.MOVE, versionsOfOtherFile(2), "op-1"))
                    .expectNoEvents()
                    .expectException(VersionLimitExceeded.class);
        }

        @Test
        void acceptsACopyWithAHundredVersions() {
            var history = versionsOfOtherFile(100);
            var copies = history.stream().map(v -> numberedAs(v, v.number(), VersionSource.COPY)).toList();

            fixture.givenNoPriorActivity()
                    .when(new CreateFileFromCopy(FILE, PATH, OTHER_FILE, history, NOW))
                    .expectEvents(
                            new FileCreated(FILE, PATH, copies.get(0), OTHER_FILE),
                            new VersionsAppended(FILE, OTHER_FILE, copies.subList(1, 100), "create:" + FILE, NOW));
        }

        @Test
        void rejectsACopyWithAHundredAndOneVersions() {
            fixture.givenNoPriorActivity()
                    .when(new CreateFileFromCopy(FILE, PATH, OTHER_FILE, versionsOfOtherFile(101), NOW))
                    .expectNoEvents()
                    .expectException(VersionLimitExceeded.class);
        }
    }

    @Nested
    class Restoring {

        @Test
        void restoresANonCurrentVersion() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(restore(1))
                    .expectEvents(new VersionRestored(FILE, versionId(1), versionId(3), NOW));
        }

        @Test
        void restoringTheCurrentVersionChangesNothing() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(restore(3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsRestoringAnUnknownVersion() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(restore(4))
                    .expectNoEvents()
                    .expectException(NoSuchVersion.class);
        }

        @Test
        void rejectsRestoringADeletedVersion() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionDeleted(FILE, versionId(1), hash(1), NOW)))
                    .when(restore(1))
                    .expectNoEvents()
                    .expectException(NoSuchVersion.class);
        }

        @Test
        void makesTheRestoredVersionCurrentUnderItsOwnId() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionRestored(FILE, versionId(1), versionId(3), NOW)))
                    .when(deleteVersion(1))
                    .expectException(CurrentVersionNotDeletable.class);
        }

        @Test
        void leavesThePreviouslyCurrentVersionDeletable() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionRestored(FILE, versionId(1), versionId(3), NOW)))
                    .when(deleteVersion(3))
                    .expectEvents(new VersionDeleted(FILE, versionId(3), hash(3), NOW));
        }

        @Test
        void numbersTheNextUploadAfterTheHighestNumberEverUsed() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionRestored(FILE, versionId(1), versionId(3), NOW)))
                    .when(addVersion(4))
                    .expectEvents(new VersionAdded(FILE, version(4)));
        }

        @Test
        void letsTheNextUploadInheritFromTheRestoredVersion() {
            fixture.given(then(
                            fileCreatedWith(version(1, BARE.withTags(List.of("first"))), version(2, BARE.withTags(List.of("second")))),
                            new VersionRestored(FILE, versionId(1), versionId(2), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, BARE.withTags(List.of("first")))));
        }
    }

    @Nested
    class DeletingVersions {

        @Test
        void deletesANonCurrentVersionWithItsContentHash() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(deleteVersion(1))
                    .expectEvents(new VersionDeleted(FILE, versionId(1), hash(1), NOW));
        }

        @Test
        void rejectsDeletingTheCurrentVersion() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(deleteVersion(3))
                    .expectNoEvents()
                    .expectException(CurrentVersionNotDeletable.class);
        }

        @Test
        void rejectsDeletingAnUnknownVersion() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(deleteVersion(4))
                    .expectNoEvents()
                    .expectException(NoSuchVersion.class);
        }

        @Test
        void rejectsDeletingAVersionTwice() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionDeleted(FILE, versionId(1), hash(1), NOW)))
                    .when(deleteVersion(1))
                    .expectNoEvents()
                    .expectException(NoSuchVersion.class);
        }

        @Test
        void continuesNumberingAfterADeletedVersion() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionDeleted(FILE, versionId(1), hash(1), NOW)))
                    .when(addVersion(4))
                    .expectEvents(new VersionAdded(FILE, version(4)));
        }

        @Test
        void continuesNumberingAfterTheHighestNumberEverUsedWhenThatVersionIsDeleted() {
            fixture.given(then(fileCreatedWithVersions(3),
                            new VersionRestored(FILE, versionId(2), versionId(3), NOW),
                            new VersionDeleted(FILE, versionId(3), hash(3), NOW)))
                    .when(addVersion(4))
                    .expectEvents(new VersionAdded(FILE, version(4)));
        }
    }

    @Nested
    class DeletingFiles {

        @Test
        void deletesTheFileWithEveryVersionIdAndItsDistinctContentHashes() {
            var reuploadOfVersion1Bytes = version(3, hash(1), BARE);

            fixture.given(fileCreatedWith(version(1), version(2), reuploadOfVersion1Bytes))
                    .when(new DeleteFile(FILE, NOW))
                    .expectEvents(new FileDeleted(FILE, PATH, List.of(versionId(1), versionId(2), versionId(3)),
                            List.of(hash(1), hash(2)), NOW));
        }

        @Test
        void leavesAlreadyDeletedVersionsOutOfTheFileDeleted() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionDeleted(FILE, versionId(1), hash(1), NOW)))
                    .when(new DeleteFile(FILE, NOW))
                    .expectEvents(new FileDeleted(FILE, PATH, List.of(versionId(2), versionId(3)),
                            List.of(hash(2), hash(3)), NOW));
        }

        @ParameterizedTest
        @MethodSource(EVERY_COMMAND)
        void rejectsEveryCommandOnADeletedFile(Object command) {
            fixture.given(then(fileCreatedWithVersions(2), new FileDeleted(FILE, PATH,
                            List.of(versionId(1), versionId(2)), List.of(hash(1), hash(2)), NOW)))
                    .when(command)
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }
    }

    @Nested
    class RenamingAndMoving {

        private final FilePath renamed = FilePath.of("/images/", "dog.jpg");
        private final FilePath moved = FilePath.of("/archive/", "cat.jpg");

        @Test
        void renamesTheFileInItsFolder() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(new RenameFile(FILE, name("dog.jpg"), NOW))
                    .expectEvents(new FileRenamed(FILE, PATH, renamed, NOW));
        }

        @Test
        void rejectsRenamingToTheSameName() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(new RenameFile(FILE, name("cat.jpg"), NOW))
                    .expectNoEvents()
                    .expectException(SameName.class);
        }

        @Test
        void movesTheFileKeepingItsName() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(new MoveFile(FILE, folder("/archive/"), NOW))
                    .expectEvents(new FileMoved(FILE, PATH, moved, NOW));
        }

        @Test
        void rejectsMovingIntoTheSameFolder() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(new MoveFile(FILE, folder("/images/"), NOW))
                    .expectNoEvents()
                    .expectException(SameFolder.class);
        }

        @Test
        void renamesFromWhereTheFileWasMovedTo() {
            fixture.given(then(fileCreatedWithVersions(2), new FileMoved(FILE, PATH, moved, NOW)))
                    .when(new RenameFile(FILE, name("dog.jpg"), NOW))
                    .expectEvents(new FileRenamed(FILE, moved, FilePath.of("/archive/", "dog.jpg"), NOW));
        }

        @Test
        void takesEveryVersionAlongOnRename() {
            fixture.given(then(fileCreatedWithVersions(3), new FileRenamed(FILE, PATH, renamed, NOW)))
                    .when(new DeleteFile(FILE, NOW))
                    .expectEvents(new FileDeleted(FILE, renamed, List.of(versionId(1), versionId(2), versionId(3)),
                            List.of(hash(1), hash(2), hash(3)), NOW));
        }

        @Test
        void takesEveryVersionAlongOnMove() {
            fixture.given(then(fileCreatedWithVersions(3), new FileMoved(FILE, PATH, moved, NOW)))
                    .when(new DeleteFile(FILE, NOW))
                    .expectEvents(new FileDeleted(FILE, moved, List.of(versionId(1), versionId(2), versionId(3)),
                            List.of(hash(1), hash(2), hash(3)), NOW));
        }
    }

    @Nested
    class CopyingAndAppending {

        private final FileId copy = fileId(3);
        private final FilePath copyPath = FilePath.of("/archive/", "cat.jpg");

        @Test
        void createsACopyFromTheCurrentVersionAlone() {
            var current = versionsOfOtherFile(1);

            fixture.givenNoPriorActivity()
                    .when(new CreateFileFromCopy(copy, copyPath, OTHER_FILE, current, NOW))
                    .expectEvents(new FileCreated(copy, copyPath, numberedAs(current.get(0), 1, VersionSource.COPY),
                            OTHER_FILE));
        }

        @Test
        void createsACopyWithEveryVersionRenumberedFromOne() {
            var history = versionsOfOtherFile(3).stream()
                    .map(v -> numberedAs(v, v.number() + 4, v.source()))
                    .toList();

            fixture.givenNoPriorActivity()
                    .when(new CreateFileFromCopy(copy, copyPath, OTHER_FILE, history, NOW))
                    .expectEvents(
                            new FileCreated(copy, copyPath, numberedAs(history.get(0), 1, VersionSource.COPY), OTHER_FILE),
                            new VersionsAppended(copy, OTHER_FILE, List.of(
                                    numberedAs(history.get(1), 2, VersionSource.COPY),
                                    numberedAs(history.get(2), 3, VersionSource.COPY)), "create:" + copy, NOW));
        }

        @Test
        void makesTheNewestCopiedVersionCurrent() {
            var history = versionsOfOtherFile(3);
            fixture.given(
                            new FileCreated(copy, copyPath, numberedAs(history.get(0), 1, VersionSource.COPY), OTHER_FILE),
                            new VersionsAppended(copy, OTHER_FILE, List.of(
                                    numberedAs(history.get(1), 2, VersionSource.COPY),
                                    numberedAs(history.get(2), 3, VersionSource.COPY)), "create:" + copy, NOW))
                    .when(new DeleteVersion(copy, history.get(2).versionId(), NOW))
                    .expectException(CurrentVersionNotDeletable.class);
        }

        @Test
        void appendsCopiedVersionsAfterTheHighestNumber() {
            var incoming = versionsOfOtherFile(1);

            fixture.given(fileCreatedWithVersions(3))
                    .when(append(VersionSource.COPY, incoming, "op-1"))
                    .expectEvents(new VersionsAppended(FILE, OTHER_FILE,
                            List.of(numberedAs(incoming.get(0), 4, VersionSource.COPY)), "op-1", NOW));
        }

        @Test
        void appendsSourceVersionsOnMoveOntoExistingFile() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(fileCreatedWithVersions(3))
                    .when(append(VersionSource.MOVE, incoming, "op-1"))
                    .expectEvents(new VersionsAppended(FILE, OTHER_FILE, List.of(
                            numberedAs(incoming.get(0), 4, VersionSource.MOVE),
                            numberedAs(incoming.get(1), 5, VersionSource.MOVE)), "op-1", NOW));
        }

        @Test
        void renumbersAppendedVersionsAfterTheHighestNumberEverUsed() {
            var incoming = versionsOfOtherFile(1);

            fixture.given(then(fileCreatedWithVersions(3),
                            new VersionRestored(FILE, versionId(2), versionId(3), NOW),
                            new VersionDeleted(FILE, versionId(3), hash(3), NOW)))
                    .when(append(VersionSource.COPY, incoming, "op-1"))
                    .expectEvents(new VersionsAppended(FILE, OTHER_FILE,
                            List.of(numberedAs(incoming.get(0), 4, VersionSource.COPY)), "op-1", NOW));
        }

        @Test
        void makesTheLastAppendedVersionCurrent() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(then(fileCreatedWithVersions(1), appended(incoming, 2, "op-1")))
                    .when(new DeleteVersion(FILE, incoming.get(1).versionId(), NOW))
                    .expectException(CurrentVersionNotDeletable.class);
        }

        @Test
        void numbersTheNextUploadAfterAppendedVersions() {
            fixture.given(then(fileCreatedWithVersions(2), appended(versionsOfOtherFile(2), 3, "op-1")))
                    .when(addVersion(5))
                    .expectEvents(new VersionAdded(FILE, version(5)));
        }

        @Test
        void ignoresARetriedAppendWithTheSameOperationId() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(then(fileCreatedWithVersions(1), appended(incoming, 2, "op-1")))
                    .when(append(VersionSource.COPY, incoming, "op-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresARetriedAppendThatFilledTheFile() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(then(fileCreatedWithVersions(98), appended(incoming, 99, "op-1")))
                    .when(append(VersionSource.COPY, incoming, "op-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void appendsAgainUnderAnotherOperationId() {
            var incoming = versionsOfOtherFile(2);

            fixture.given(then(fileCreatedWithVersions(1), appended(incoming.subList(0, 1), 2, "op-1")))
                    .when(append(VersionSource.COPY, incoming.subList(1, 2), "op-2"))
                    .expectEvents(new VersionsAppended(FILE, OTHER_FILE,
                            List.of(numberedAs(incoming.get(1), 3, VersionSource.COPY)), "op-2", NOW));
        }

        private VersionsAppended appended(List<FileVersion> incoming, int firstNumber, String operationId) {
            return new VersionsAppended(FILE, OTHER_FILE, IntStream.range(0, incoming.size())
                    .mapToObj(i -> numberedAs(incoming.get(i), firstNumber + i, VersionSource.COPY))
                    .toList(), operationId, NOW);
        }
    }

    @Nested
    class MergingAway {

        @Test
        void endsTheFileInFavourOfItsDestination() {
            fixture.given(fileCreatedWithVersions(2))
                    .when(new MergeFileAway(FILE, OTHER_FILE, NOW))
                    .expectEvents(new FileMergedAway(FILE, PATH, OTHER_FILE, NOW));
        }

        @ParameterizedTest
        @MethodSource(EVERY_COMMAND)
        void rejectsEveryCommandOnAMergedAwayFile(Object command) {
            fixture.given(then(fileCreatedWithVersions(2), new FileMergedAway(FILE, PATH, OTHER_FILE, NOW)))
                    .when(command)
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }
    }

    @Nested
    class EditingDetails {

        private final VersionDetails first = BARE.withTags(List.of("first"));
        private final VersionDetails current = new VersionDetails(List.of("cat", "pet"), List.of(aiTag("cat"), aiTag("dog")),
                Map.of("colour", "grey", "size", "L"), "10,10,100,100", "A grey cat", false, true);

        private List<Object> aFileWithTwoVersions() {
            return fileCreatedWith(version(1, first), version(2, current));
        }

        private void expectCurrentVersionToBecome(Object edit, VersionDetails details) {
            fixture.given(aFileWithTwoVersions())
                    .when(edit)
                    .expectEvents(new FileDetailsUpdated(FILE, versionId(2), details, NOW));
        }

        @Test
        void replacesTheTags() {
            expectCurrentVersionToBecome(editTags(FieldUpdate.set(List.of("kitten"))), current.withTags(List.of("kitten")));
        }

        @Test
        void clearsTheTags() {
            expectCurrentVersionToBecome(editTags(FieldUpdate.clear()), current.withTags(List.of()));
        }

        @Test
        void mergesCustomMetadataIntoTheExistingKeys() {
            expectCurrentVersionToBecome(editCustomMetadata(Map.of("size", "M", "owner", "ann")),
                    current.withCustomMetadata(Map.of("colour", "grey", "size", "M", "owner", "ann")));
        }

        @Test
        void unsetsACustomMetadataKeySentAsNull() {
            Map<String, Object> unsetColour = new HashMap<>();
            unsetColour.put("colour", null);

            expectCurrentVersionToBecome(editCustomMetadata(unsetColour), current.withCustomMetadata(Map.of("size", "L")));
        }

        @Test
        void setsCustomCoordinates() {
            expectCurrentVersionToBecome(editCustomCoordinates(FieldUpdate.set("0,0,50,50")),
                    current.withCustomCoordinates("0,0,50,50"));
        }

        @Test
        void clearsCustomCoordinates() {
            expectCurrentVersionToBecome(editCustomCoordinates(FieldUpdate.clear()), current.withCustomCoordinates(null));
        }

        @Test
        void setsTheDescription() {
            expectCurrentVersionToBecome(editDescription(FieldUpdate.set("A sleeping cat")),
                    current.withDescription("A sleeping cat"));
        }

        @Test
        void clearsTheDescription() {
            expectCurrentVersionToBecome(editDescription(FieldUpdate.clear()), current.withDescription(null));
        }

        @Test
        void removesAITagsByName() {
            expectCurrentVersionToBecome(editRemovingAITags("dog"), current.withAiTags(List.of(aiTag("cat"))));
        }

        @Test
        void removesAllAITags() {
            expectCurrentVersionToBecome(editRemovingAllAITags(), current.withAiTags(List.of()));
        }

        @Test
        void editsTheRestoredVersionWhenItIsCurrent() {
            fixture.given(then(aFileWithTwoVersions(), new VersionRestored(FILE, versionId(1), versionId(2), NOW)))
                    .when(editDescription(FieldUpdate.set("The first cat")))
                    .expectEvents(new FileDetailsUpdated(FILE, versionId(1), first.withDescription("The first cat"), NOW));
        }

        @Test
        void leavesNonCurrentVersionsUntouched() {
            fixture.given(then(aFileWithTwoVersions(),
                            new FileDetailsUpdated(FILE, versionId(2), current.withTags(List.of("edited")), NOW),
                            new VersionRestored(FILE, versionId(1), versionId(2), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, first)));
        }

        @Test
        void keepsTheEditForTheNextUpload() {
            fixture.given(then(aFileWithTwoVersions(),
                            new FileDetailsUpdated(FILE, versionId(2), current.withTags(List.of("edited")), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, new VersionDetails(List.of("edited"), current.aiTags(),
                            current.customMetadata(), null, null, false, true))));
        }

        @Test
        void createsNoNewVersion() {
            fixture.given(then(aFileWithTwoVersions(),
                            new FileDetailsUpdated(FILE, versionId(2), current.withTags(List.of("edited")), NOW)))
                    .when(new DeleteFile(FILE, NOW))
                    .expectEvents(new FileDeleted(FILE, PATH, List.of(versionId(1), versionId(2)),
                            List.of(hash(1), hash(2)), NOW));
        }
    }

    @Nested
    class Tags {

        private final VersionDetails first = BARE.withTags(List.of("first"));
        private final VersionDetails current = BARE.withTags(List.of("cat", "pet"))
                .withAiTags(List.of(aiTag("cat"), aiTag("dog")));

        private List<Object> aFileWithTwoVersions() {
            return fileCreatedWith(version(1, first), version(2, current));
        }

        @Test
        void addsTagsToTheCurrentVersionOnce() {
            fixture.given(aFileWithTwoVersions())
                    .when(new AddTags(FILE, List.of("pet", "grey"), NOW))
                    .expectEvents(new TagsAdded(FILE, versionId(2), List.of("pet", "grey"), List.of("cat", "pet", "grey"), NOW));
        }

        @Test
        void acceptsAddedTagsThatBringTheCombinedLengthToTheLimit() {
            var filling = "x".repeat(500 - "catpet".length());

            fixture.given(aFileWithTwoVersions())
                    .when(new AddTags(FILE, List.of(filling), NOW))
                    .expectEvents(new TagsAdded(FILE, versionId(2), List.of(filling), List.of("cat", "pet", filling), NOW));
        }

        @Test
        void rejectsAddedTagsThatMakeTheCombinedLengthExceedTheLimit() {
            fixture.given(aFileWithTwoVersions())
                    .when(new AddTags(FILE, List.of("x".repeat(500 - "catpet".length() + 1)), NOW))
                    .expectNoEvents()
                    .expectException(TagLimitExceeded.class);
        }

        @Test
        void countsTagsTheFileAlreadyHasOnceWhenAddingThemAgain() {
            var filling = "x".repeat(500 - "catpet".length());

            fixture.given(aFileWithTwoVersions())
                    .when(new AddTags(FILE, List.of("cat", filling), NOW))
                    .expectEvents(new TagsAdded(FILE, versionId(2), List.of("cat", filling), List.of("cat", "pet", filling), NOW));
        }

        @Test
        void removesTagsFromTheCurrentVersion() {
            fixture.given(aFileWithTwoVersions())
                    .when(new RemoveTags(FILE, List.of("cat", "unknown"), NOW))
                    .expectEvents(new TagsRemoved(FILE, versionId(2), List.of("cat", "unknown"), List.of("pet"), NOW));
        }

        @Test
        void removesAITagsFromTheCurrentVersionByName() {
            fixture.given(aFileWithTwoVersions())
                    .when(new RemoveAITags(FILE, List.of("dog"), NOW))
                    .expectEvents(new AITagsRemoved(FILE, versionId(2), List.of("dog"), List.of(aiTag("cat")), NOW));
        }

        @Test
        void tagsTheRestoredVersionWhenItIsCurrent() {
            fixture.given(then(aFileWithTwoVersions(), new VersionRestored(FILE, versionId(1), versionId(2), NOW)))
                    .when(new AddTags(FILE, List.of("restored"), NOW))
                    .expectEvents(new TagsAdded(FILE, versionId(1), List.of("restored"), List.of("first", "restored"), NOW));
        }

        @Test
        void keepsAddedTagsForTheNextUpload() {
            fixture.given(then(aFileWithTwoVersions(),
                            new TagsAdded(FILE, versionId(2), List.of("grey"), List.of("cat", "pet", "grey"), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, current.withTags(List.of("cat", "pet", "grey")))));
        }

        @Test
        void keepsRemovedTagsOffForTheNextUpload() {
            fixture.given(then(aFileWithTwoVersions(),
                            new TagsRemoved(FILE, versionId(2), List.of("cat"), List.of("pet"), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, current.withTags(List.of("pet")))));
        }

        @Test
        void keepsRemovedAITagsOffForTheNextUpload() {
            fixture.given(then(aFileWithTwoVersions(),
                            new AITagsRemoved(FILE, versionId(2), List.of("dog"), List.of(aiTag("cat")), NOW)))
                    .when(addVersion(upload(3), KEEP_ALL))
                    .expectEvents(new VersionAdded(FILE, version(3, current.withAiTags(List.of(aiTag("cat"))))));
        }
    }

    @Nested
    class Publication {

        @Test
        void unpublishesTheCurrentVersionOnly() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(new ChangePublication(FILE, false, false, NOW))
                    .expectEvents(new PublicationChanged(FILE, List.of(versionId(3)), false, NOW));
        }

        @Test
        void unpublishesEveryVersionWithIncludeFileVersions() {
            fixture.given(fileCreatedWithVersions(3))
                    .when(new ChangePublication(FILE, false, true, NOW))
                    .expectEvents(new PublicationChanged(FILE, List.of(versionId(1), versionId(2), versionId(3)), false, NOW));
        }

        @Test
        void publishesTheRestoredVersionWhenItIsCurrent() {
            fixture.given(then(fileCreatedWithVersions(3), new VersionRestored(FILE, versionId(1), versionId(3), NOW)))
                    .when(new ChangePublication(FILE, true, false, NOW))
                    .expectEvents(new PublicationChanged(FILE, List.of(versionId(1)), true, NOW));
        }
    }
}
