package io.palimpsest.query.support;

import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.ContentHash;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.events.AITagsRemoved;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.FileDeleted;
import io.palimpsest.shared.files.events.FileDetailsUpdated;
import io.palimpsest.shared.files.events.FileEvent;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The history of one file as the write side records it: each step appends the event the file
 * aggregate would have applied, in order, so that an event's index in {@link #events()} is its
 * aggregate sequence number. Ids and content hashes are unique in the test JVM, so tests sharing one
 * read model never see each other's files.
 */
public final class FileHistory {

    /** What a bare upload (no tags, metadata, coordinates or description sent) gives a version. */
    public static final VersionDetails BARE = new VersionDetails(List.of(), List.of(), Map.of(), null, null, false, true);

    private static final AtomicLong IDS = new AtomicLong();

    private final FileId fileId;
    private FilePath path;
    private final List<FileEvent> events = new ArrayList<>();
    private final List<FileVersion> versions = new ArrayList<>();
    private final Map<Integer, VersionId> idsByNumber = new HashMap<>();
    private VersionId currentVersionId;
    private int highestNumber;

    private FileHistory(FileId fileId) {
        this.fileId = fileId;
    }

    // ---- values

    public static FileId newFileId() {
        return new FileId(String.format("f11e%020x", IDS.incrementAndGet()));
    }

    public static VersionId newVersionId() {
        return new VersionId(String.format("7e5%021x", IDS.incrementAndGet()));
    }

    public static ContentHash newHash() {
        return new ContentHash(String.format("%064x", IDS.incrementAndGet()));
    }

    /** A 640x480 JPEG of {@code size} bytes. */
    public static Content jpeg(long size) {
        return new Content(newHash(), size, "image/jpeg", 640, 480, false);
    }

    /** A PDF of {@code size} bytes (no dimensions). */
    public static Content pdf(long size) {
        return new Content(newHash(), size, "application/pdf", null, null, null);
    }

    public static VersionDetails tagged(String... tags) {
        return BARE.withTags(List.of(tags));
    }

    public static AITag aiTag(String name) {
        return new AITag(name, 0.93, "google-auto-tagging");
    }

    // ---- how a history begins

    /** A bare 2 KB JPEG uploaded to {@code filePath} (e.g. {@code /images/cat.jpg}) at {@code at}. */
    public static FileHistory uploaded(String filePath, Instant at) {
        return uploaded(filePath, jpeg(2048), BARE, at);
    }

    public static FileHistory uploaded(String filePath, Content content, VersionDetails details, Instant at) {
        FileHistory history = new FileHistory(newFileId());
        history.path = pathOf(filePath);
        FileVersion first = new FileVersion(history.fileId.firstVersionId(), 1, content, details, at, VersionSource.UPLOAD);
        history.becomeCurrent(first);
        history.events.add(new FileCreated(history.fileId, history.path, first, null));
        return history;
    }

    // ---- how it goes on

    /** A bare 2 KB JPEG uploaded onto the file at {@code at}: the next version. */
    public FileHistory versionAdded(Instant at) {
        return versionAdded(jpeg(2048), BARE, at);
    }

    public FileHistory versionAdded(Content content, VersionDetails details, Instant at) {
        FileVersion added = new FileVersion(newVersionId(), highestNumber + 1, content, details, at, VersionSource.UPLOAD);
        becomeCurrent(added);
        events.add(new VersionAdded(fileId, added));
        return this;
    }

    /**
     * {@code count} versions of another file, each uploaded there at {@code uploadedAt}, moved onto
     * this one at {@code appendedAt}: renumbered after this file's highest number, the last current.
     */
    public FileHistory versionsAppended(int count, Instant uploadedAt, Instant appendedAt) {
        List<FileVersion> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FileVersion version = new FileVersion(newVersionId(), highestNumber + 1, jpeg(4096), tagged("moved"),
                    uploadedAt, VersionSource.MOVE);
            becomeCurrent(version);
            appended.add(version);
        }
        events.add(new VersionsAppended(fileId, newFileId(), appended, "move:" + IDS.incrementAndGet(), appendedAt));
        return this;
    }

    public FileHistory versionRestored(int number, Instant at) {
        VersionId restored = versionId(number);
        events.add(new VersionRestored(fileId, restored, currentVersionId, at));
        currentVersionId = restored;
        return this;
    }

    public FileHistory versionDeleted(int number, Instant at) {
        FileVersion deleted = version(number);
        versions.remove(deleted);
        events.add(new VersionDeleted(fileId, deleted.versionId(), deleted.content().hash(), at));
        return this;
    }

    public FileHistory fileDeleted(Instant at) {
        events.add(new FileDeleted(fileId, path, versions.stream().map(FileVersion::versionId).toList(),
                versions.stream().map(v -> v.content().hash()).distinct().toList(), at));
        versions.clear();
        return this;
    }

    public FileHistory mergedAway(Instant at) {
        events.add(new FileMergedAway(fileId, path, newFileId(), at));
        versions.clear();
        return this;
    }

    public FileHistory renamed(String newName, Instant at) {
        FilePath oldPath = path;
        path = path.withName(new FileName(newName));
        events.add(new FileRenamed(fileId, oldPath, path, at));
        return this;
    }

    public FileHistory moved(String newFolder, Instant at) {
        FilePath oldPath = path;
        path = path.inFolder(FolderPath.parse(newFolder));
        events.add(new FileMoved(fileId, oldPath, path, at));
        return this;
    }

    public FileHistory detailsUpdated(UnaryOperator<VersionDetails> edit, Instant at) {
        VersionDetails details = edit.apply(current().details());
        replaceDetails(currentVersionId, details);
        events.add(new FileDetailsUpdated(fileId, currentVersionId, details, at));
        return this;
    }

    public FileHistory tagsAdded(Instant at, String... tags) {
        VersionDetails details = current().details().withTagsAdded(List.of(tags));
        replaceDetails(currentVersionId, details);
        events.add(new TagsAdded(fileId, currentVersionId, List.of(tags), details.tags(), at));
        return this;
    }

    public FileHistory tagsRemoved(Instant at, String... tags) {
        VersionDetails details = current().details().withTagsRemoved(List.of(tags));
        replaceDetails(currentVersionId, details);
        events.add(new TagsRemoved(fileId, currentVersionId, List.of(tags), details.tags(), at));
        return this;
    }

    public FileHistory aiTagsRemoved(Instant at, String... names) {
        VersionDetails details = current().details().withAiTagsRemoved(List.of(names));
        replaceDetails(currentVersionId, details);
        events.add(new AITagsRemoved(fileId, currentVersionId, List.of(names), details.aiTags(), at));
        return this;
    }

    /** The current version, or every version with {@code includeFileVersions}, (un)published. */
    public FileHistory publicationChanged(boolean published, boolean includeFileVersions, Instant at) {
        List<VersionId> affected = includeFileVersions
                ? versions.stream().map(FileVersion::versionId).toList()
                : List.of(currentVersionId);
        affected.forEach(id -> replaceDetails(id, detailsOf(id).withPublished(published)));
        events.add(new PublicationChanged(fileId, affected, published, at));
        return this;
    }

    // ---- what it holds

    public FileId fileId() {
        return fileId;
    }

    public String id() {
        return fileId.value();
    }

    /** ImageKit's {@code filePath} as of the end of the history. */
    public String filePath() {
        return path.toString();
    }

    /** Id of Version {@code number}, deleted or not. */
    public VersionId versionId(int number) {
        VersionId id = idsByNumber.get(number);
        if (id == null) {
            throw new IllegalArgumentException("no Version " + number + " in this history");
        }
        return id;
    }

    public String versionIdOf(int number) {
        return versionId(number).value();
    }

    /** Every event, oldest first; an event's index is its aggregate sequence number. */
    public List<FileEvent> events() {
        return List.copyOf(events);
    }

    public FileEvent lastEvent() {
        return events.get(events.size() - 1);
    }

    public long lastSequence() {
        return events.size() - 1L;
    }

    private void becomeCurrent(FileVersion version) {
        versions.add(version);
        idsByNumber.put(version.number(), version.versionId());
        highestNumber = version.number();
        currentVersionId = version.versionId();
    }

    private FileVersion current() {
        return versions.stream().filter(v -> v.versionId().equals(currentVersionId)).findFirst().orElseThrow();
    }

    private FileVersion version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Version " + number + " left in this history"));
    }

    private VersionDetails detailsOf(VersionId id) {
        return versions.stream().filter(v -> v.versionId().equals(id)).findFirst().orElseThrow().details();
    }

    private void replaceDetails(VersionId id, VersionDetails details) {
        versions.replaceAll(v -> v.versionId().equals(id) ? v.withDetails(details) : v);
    }

    private static FilePath pathOf(String filePath) {
        int slash = filePath.lastIndexOf('/');
        return FilePath.of(filePath.substring(0, slash + 1), filePath.substring(slash + 1));
    }
}
