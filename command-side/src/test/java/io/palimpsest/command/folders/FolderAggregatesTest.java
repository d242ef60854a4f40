package io.palimpsest.command.folders;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.commands.CompleteFolderJob;
import io.palimpsest.shared.folders.commands.CreateFolder;
import io.palimpsest.shared.folders.commands.DeleteFolder;
import io.palimpsest.shared.folders.commands.StartFolderJob;
import io.palimpsest.shared.folders.events.FolderCreated;
import io.palimpsest.shared.folders.events.FolderDeleted;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import io.palimpsest.shared.folders.events.FolderJobStarted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FolderAggregatesTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final FolderPath PATH = FolderPath.parse("/campaigns/summer");
    static final FolderId FOLDER = FolderId.of(PATH);

    @Nested
    class Folders {

        AggregateTestFixture<FolderAggregate> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(FolderAggregate.class);
        }

        @Test
        void createsAFolderThatDoesNotExistYet() {
            fixture.givenNoPriorActivity()
                    .when(new CreateFolder(FOLDER, PATH, NOW))
                    .expectEvents(new FolderCreated(FOLDER, PATH, NOW));
        }

        @Test
        void creatingAnExistingFolderChangesNothing() {
            fixture.given(new FolderCreated(FOLDER, PATH, NOW))
                    .when(new CreateFolder(FOLDER, PATH, NOW.plusSeconds(1)))
                    .expectNoEvents();
        }

        @Test
        void createsAFolderAgainAfterItWasDeleted() {
            fixture.given(new FolderCreated(FOLDER, PATH, NOW), new FolderDeleted(FOLDER, PATH, NOW.plusSeconds(1)))
                    .when(new CreateFolder(FOLDER, PATH, NOW.plusSeconds(2)))
                    .expectEvents(new FolderCreated(FOLDER, PATH, NOW.plusSeconds(2)));
        }

        @Test
        void deletesAFolderThatOnlyExistedThroughItsFiles() {
            fixture.givenNoPriorActivity()
                    .when(new DeleteFolder(FOLDER, PATH, NOW))
                    .expectEvents(new FolderDeleted(FOLDER, PATH, NOW));
        }
    }

    @Nested
    class Jobs {

        static final FolderPath TARGET = FolderPath.parse("/archive/summer");

        AggregateTestFixture<FolderJobAggregate> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(FolderJobAggregate.class);
        }

        @Test
        void startsAJob() {
            fixture.givenNoPriorActivity()
                    .when(new StartFolderJob("job-1", FolderJobType.MOVE_FOLDER, PATH, TARGET, true, NOW))
                    .expectEvents(new FolderJobStarted("job-1", FolderJobType.MOVE_FOLDER, PATH, TARGET, true, NOW));
        }

        @Test
        void completesAStartedJobWithWhatItsEventsNeed() {
            fixture.given(new FolderJobStarted("job-1", FolderJobType.MOVE_FOLDER, PATH, TARGET, true, NOW))
                    .when(new CompleteFolderJob("job-1", 12, 1, NOW.plusSeconds(5)))
                    .expectEvents(new FolderJobCompleted("job-1", FolderJobType.MOVE_FOLDER, PATH, TARGET, 12, 1,
                            NOW.plusSeconds(5)));
        }

        @Test
        void completingTwiceRecordsNothingNew() {
            fixture.given(new FolderJobStarted("job-1", FolderJobType.COPY_FOLDER, PATH, TARGET, false, NOW),
                            new FolderJobCompleted("job-1", FolderJobType.COPY_FOLDER, PATH, TARGET, 3, 0, NOW))
                    .when(new CompleteFolderJob("job-1", 3, 0, NOW.plusSeconds(5)))
                    .expectNoEvents();
        }
    }
}
