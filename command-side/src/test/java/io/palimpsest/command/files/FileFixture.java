package io.palimpsest.command.files;

import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.ContentHash;
import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.commands.AddTags;
import io.palimpsest.shared.files.commands.AddVersion;
import io.palimpsest.shared.files.commands.AppendVersions;
import io.palimpsest.shared.files.commands.ChangePublication;
import io.palimpsest.shared.files.commands.DeleteFile;
import io.palimpsest.shared.files.commands.DeleteVersion;
import io.palimpsest.shared.files.commands.MergeFileAway;
import io.palimpsest.shared.files.commands.MoveFile;
import io.palimpsest.shared.files.commands.OverwriteRules;
import io.palimpsest.shared.files.commands.RemoveAITags;
import io.palimpsest.shared.files.commands.RemoveTags;
import io.palimpsest.shared.files.commands.RenameFile;
import io.palimpsest.shared.files.commands.RestoreVersion;
import io.palimpsest.shared.files.commands.UpdateFileDetails;
import io.palimpsest.shared.files.commands.VersionUpload;
import io.palimpsest.shared.files.events.FileCreated;
import io.palimpsest.shared.files.events.VersionAdded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The vocabulary of the file aggregate's tests: one file ({@link #FILE} at {@link #PATH}) whose
 * Version n is {@link #version(int)}, uploads and commands against it, and versions handed over
 * from another file by a copy or move. Every time is {@link #NOW}: the aggregate takes time from
 * its commands, so a fixed clock keeps expected events exact.
 */
final class FileFixture {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /** Its first version's id is {@code versionId(1)}, as ImageKit gives a new file's first version the file's id. */
    static final FileId FILE = new FileId(versionId(1).value());
    static final FileId OTHER_FILE = fileId(2);
    static final FilePath PATH = FilePath.of("/images/", "cat.jpg");

    /** What a bare upload (no tags, metadata, coordinates or description sent) gives a version. */
    static final VersionDetails BARE = new VersionDetails(List.of(), List.of(), Map.of(), null, null, false, true);

    static final OverwriteRules OVERWRITE_ALL = OverwriteRules.DEFAULTS;
    static final OverwriteRules KEEP_ALL = new OverwriteRules(false, false, false);

    private FileFixture() {
    }

    static FileId fileId(int n) {
        return new FileId(String.format("f11e%020x", n));
    }

    static VersionId versionId(int n) {
        return new VersionId(String.format("7e5%021x", n));
    }

    static ContentHash hash(int n) {
        return new ContentHash(String.format("%064x", n));
    }

    static Content content(ContentHash hash) {
        return new Content(hash, 2048, "image/jpeg", 640, 480, false);
    }

    static AITag aiTag(String name) {
        return new AITag(name, 0.93, "google-auto-tagging");
    }

    static FolderPath folder(String path) {
        return FolderPath.parse(path);
    }

    static FileName name(String name) {
        return new FileName(name);
    }

    // ---- versions of FILE

    /** Version {@code number} of {@link #FILE} as a bare upload of bytes {@code hash(number)} left it. */
    static FileVersion version(int number) {
        return version(number, BARE);
    }

    static FileVersion version(int number, VersionDetails details) {
        return version(number, hash(number), details);
    }

    static FileVersion version(int number, ContentHash hash, VersionDetails details) {
        return new FileVersion(versionId(number), number, content(hash), details, NOW, VersionSource.UPLOAD);
    }

    /** {@code version} as it reads once taken into a history under another number and origin. */
    static FileVersion numberedAs(FileVersion version, int number, VersionSource source) {
        return new FileVersion(version.versionId(), number, version.content(), version.details(), version.createdAt(), source);
    }

    /** The given events of {@link #FILE} uploaded {@code k} times: Versions 1..k, the last current. */
    static List<Object> fileCreatedWithVersions(int k) {
        return fileCreatedWith(IntStream.rangeClosed(1, k).mapToObj(FileFixture::version).toArray(FileVersion[]::new));
    }

    /** The given events of {@link #FILE} whose uploads left exactly these versions, the last current. */
    static List<Object> fileCreatedWith(FileVersion... versions) {
        List<Object> events = new ArrayList<>();
        events.add(new FileCreated(FILE, PATH, versions[0], null));
        Arrays.stream(versions).skip(1).forEach(v -> events.add(new VersionAdded(FILE, v)));
        return events;
    }

    /** {@code events} followed by {@code more}: a history that goes on. */
    static List<Object> then(List<Object> events, Object... more) {
        List<Object> result = new ArrayList<>(events);
        result.addAll(List.of(more));
        return result;
    }

    /**
     * {@code k} versions of {@link #OTHER_FILE}, oldest first, as a copy or move process hands them
     * over: already carrying fresh ids, still carrying their numbers in the source's history.
     */
    static List<FileVersion> versionsOfOtherFile(int k) {
        return IntStream.rangeClosed(1, k)
                .mapToObj(i -> new FileVersion(versionId(1000 + i), i, content(hash(1000 + i)),
                        BARE.withTags(List.of("from-other")), NOW, VersionSource.UPLOAD))
                .toList();
    }

    // ---- uploads and commands against FILE

    /** A bare upload that would become version {@code number}: id {@code versionId(number)}, bytes {@code hash(number)}. */
    static VersionUpload upload(int number) {
        return anUpload(number).build();
    }

    static UploadBuilder anUpload(int number) {
        return new UploadBuilder(versionId(number), hash(number));
    }

    static AddVersion addVersion(int number) {
        return addVersion(upload(number), OVERWRITE_ALL);
    }

    static AddVersion addVersion(VersionUpload upload, OverwriteRules overwrite) {
        return new AddVersion(FILE, PATH, upload, overwrite);
    }

    static RestoreVersion restore(int number) {
        return new RestoreVersion(FILE, versionId(number), NOW);
    }

    static DeleteVersion deleteVersion(int number) {
        return new DeleteVersion(FILE, versionId(number), NOW);
    }

    static AppendVersions append(VersionSource source, List<FileVersion> versions, String operationId) {
        return new AppendVersions(FILE, OTHER_FILE, source, versions, operationId, NOW);
    }

    static UpdateFileDetails editTags(FieldUpdate<List<String>> tags) {
        return new UpdateFileDetails(FILE, tags, null, null, null, null, false, NOW);
    }

    static UpdateFileDetails editCustomCoordinates(FieldUpdate<String> coordinates) {
        return new UpdateFileDetails(FILE, null, coordinates, null, null, null, false, NOW);
    }

    static UpdateFileDetails editCustomMetadata(Map<String, Object> changes) {
        return new UpdateFileDetails(FILE, null, null, changes, null, null, false, NOW);
    }

    static UpdateFileDetails editDescription(FieldUpdate<String> description) {
        return new UpdateFileDetails(FILE, null, null, null, description, null, false, NOW);
    }

    static UpdateFileDetails editRemovingAITags(String... names) {
        return new UpdateFileDetails(FILE, null, null, null, null, List.of(names), false, NOW);
    }

    static UpdateFileDetails editRemovingAllAITags() {
        return new UpdateFileDetails(FILE, null, null, null, null, null, true, NOW);
    }

    /** One of every command an existing file accepts, each valid against {@code fileCreatedWithVersions(2)}. */
    static Stream<Named<Object>> everyCommandOnAnExistingFile() {
        return Stream.of(
                Named.of("AddVersion", addVersion(3)),
                Named.of("AppendVersions", append(VersionSource.COPY, versionsOfOtherFile(1), "op-1")),
                Named.of("RestoreVersion", restore(1)),
                Named.of("DeleteVersion", deleteVersion(1)),
                Named.of("DeleteFile", new DeleteFile(FILE, NOW)),
                Named.of("RenameFile", new RenameFile(FILE, name("dog.jpg"), NOW)),
                Named.of("MoveFile", new MoveFile(FILE, folder("/archive/"), NOW)),
                Named.of("MergeFileAway", new MergeFileAway(FILE, OTHER_FILE, NOW)),
                Named.of("UpdateFileDetails", editDescription(FieldUpdate.set("a cat"))),
                Named.of("AddTags", new AddTags(FILE, List.of("pet"), NOW)),
                Named.of("RemoveTags", new RemoveTags(FILE, List.of("pet"), NOW)),
                Named.of("RemoveAITags", new RemoveAITags(FILE, List.of("dog"), NOW)),
                Named.of("ChangePublication", new ChangePublication(FILE, false, true, NOW)));
    }

    /** An upload with the fields a client chose to send; anything not set is "not sent". */
    static final class UploadBuilder {

        private final VersionId versionId;
        private final ContentHash hash;
        private List<String> tags;
        private Map<String, Object> customMetadata;
        private String customCoordinates;
        private String description;
        private boolean privateFile;

        private UploadBuilder(VersionId versionId, ContentHash hash) {
            this.versionId = versionId;
            this.hash = hash;
        }

        UploadBuilder withId(VersionId id) {
            UploadBuilder copy = new UploadBuilder(id, hash);
            copy.tags = tags;
            copy.customMetadata = customMetadata;
            copy.customCoordinates = customCoordinates;
            copy.description = description;
            copy.privateFile = privateFile;
            return copy;
        }

        UploadBuilder tags(String... sent) {
            this.tags = List.of(sent);
            return this;
        }

        UploadBuilder customMetadata(Map<String, Object> sent) {
            this.customMetadata = sent;
            return this;
        }

        UploadBuilder customCoordinates(String sent) {
            this.customCoordinates = sent;
            return this;
        }

        UploadBuilder description(String sent) {
            this.description = sent;
            return this;
        }

        UploadBuilder privateFile() {
            this.privateFile = true;
            return this;
        }

        VersionUpload build() {
            return new VersionUpload(versionId, content(hash), tags, customMetadata, customCoordinates, description,
                    privateFile, true, NOW);
        }
    }
}
