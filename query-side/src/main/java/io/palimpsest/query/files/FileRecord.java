package io.palimpsest.query.files;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.VersionDetails;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A file and its whole history as the read models see it, built only from events (never from the
 * write side). Both read models (MongoDB version history, Lucene search index) fold events through
 * this one class, so they cannot disagree on what an event means. {@link #sequence} is the aggregate
 * sequence of the last event folded in: older or repeated events are ignored, so replays and
 * redeliveries change nothing. A deleted file stays as a tombstone, so reads can tell "gone" from
 * "not yet projected".
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class FileRecord {

    private String fileId;
    private String folder;
    private String name;
    private String currentVersionId;
    private Instant createdAt;
    private Instant updatedAt;
    private long sequence = -1;
    private boolean deleted;
    private List<VersionRecord> versions = new ArrayList<>();

    FileRecord() {
        // for Jackson
    }

    public static FileRecord empty(String fileId) {
        FileRecord file = new FileRecord();
        file.fileId = fileId;
        return file;
    }

    /** A record as a store kept it (see {@link FileRecordCodec}). */
    static FileRecord restored(String fileId, String folder, String name, String currentVersionId, Instant createdAt,
                               Instant updatedAt, long sequence, boolean deleted, List<VersionRecord> versions) {
        FileRecord file = new FileRecord();
        file.fileId = fileId;
        file.folder = folder;
        file.name = name;
        file.currentVersionId = currentVersionId;
        file.createdAt = createdAt;
        file.updatedAt = updatedAt;
        file.sequence = sequence;
        file.deleted = deleted;
        file.versions = versions;
        return file;
    }

    /** The versions as kept, in the order they were added (no sorting): for stores writing the record out. */
    List<VersionRecord> storedVersions() {
        return versions;
    }

    /** Folds one event in; false when the event is not newer than what this record already reflects. */
    public boolean apply(Object event, long eventSequence) {
        if (eventSequence <= sequence) {
            return false;
        }
        sequence = eventSequence;
        if (event instanceof FileCreated e) {
            Instant at = e.firstVersion().createdAt();
            moveTo(e.path());
            createdAt = at;
            versions = new ArrayList<>(List.of(VersionRecord.of(e.firstVersion(), at)));
            currentVersionId = e.firstVersion().versionId().value();
            touch(at);
        } else if (event instanceof VersionAdded e) {
            versions.add(VersionRecord.of(e.version(), e.version().createdAt()));
            currentVersionId = e.version().versionId().value();
            touch(e.version().createdAt());
        } else if (event instanceof VersionsAppended e) {
            e.versions().forEach(v -> versions.add(VersionRecord.of(v, e.appendedAt())));
            currentVersionId = e.versions().get(e.versions().size() - 1).versionId().value();
            touch(e.appendedAt());
        } else if (event instanceof VersionRestored e) {
            currentVersionId = e.versionId().value();
            touch(e.restoredAt());
        } else if (event instanceof VersionDeleted e) {
            versions.removeIf(v -> v.versionId().equals(e.versionId().value()));
            touch(e.deletedAt());
        } else if (event instanceof FileDeleted e) {
            markDeleted(e.deletedAt());
        } else if (event instanceof FileMergedAway e) {
            markDeleted(e.mergedAt());
        } else if (event instanceof FileRenamed e) {
            moveTo(e.newPath());
            touch(e.renamedAt());
        } else if (event instanceof FileMoved e) {
            moveTo(e.newPath());
            touch(e.movedAt());
        } else if (event instanceof FileDetailsUpdated e) {
            changeDetails(e.versionId().value(), d -> e.details(), e.updatedAt());
        } else if (event instanceof TagsAdded e) {
            changeDetails(e.versionId().value(), d -> d.withTags(e.tags()), e.updatedAt());
        } else if (event instanceof TagsRemoved e) {
            changeDetails(e.versionId().value(), d -> d.withTags(e.tags()), e.updatedAt());
        } else if (event instanceof AITagsRemoved e) {
            changeDetails(e.versionId().value(), d -> d.withAiTags(e.aiTags()), e.updatedAt());
        } else if (event instanceof PublicationChanged e) {
            e.versionIds().forEach(id -> changeDetails(id.value(), d -> d.withPublished(e.published()),
                    e.changedAt()));
        }
        return true;
    }

    private void moveTo(FilePath path) {
        folder = path.folder().value();
        name = path.name().value();
    }

    private void touch(Instant at) {
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    private void markDeleted(Instant at) {
        deleted = true;
        versions = new ArrayList<>();
        touch(at);
    }

    private void changeDetails(String versionId, UnaryOperator<VersionDetails> change, Instant at) {
        versions.replaceAll(v -> v.versionId().equals(versionId) ? v.withDetails(change.apply(v.details()), at) : v);
        touch(at);
    }

    public String fileId() {
        return fileId;
    }

    public String folder() {
        return folder;
    }

    public String name() {
        return name;
    }

    public String filePath() {
        return folder + name;
    }

    public String currentVersionId() {
        return currentVersionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long sequence() {
        return sequence;
    }

    public boolean deleted() {
        return deleted;
    }

    /** Oldest first: Version 1 … N, whatever is current. */
    public List<VersionRecord> versions() {
        return versions.stream().sorted(Comparator.comparingInt(VersionRecord::number)).toList();
    }

    public Optional<VersionRecord> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public Optional<VersionRecord> current() {
        return version(currentVersionId);
    }

    public boolean isCurrent(VersionRecord version) {
        return version.versionId().equals(currentVersionId);
    }
}
