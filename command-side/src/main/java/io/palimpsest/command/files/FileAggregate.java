package io.palimpsest.command.files;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.VersionSource;
import io.palimpsest.shared.files.commands.AddTags;
import io.palimpsest.shared.files.commands.AddVersion;
import io.palimpsest.shared.files.commands.AppendVersions;
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
import io.palimpsest.shared.files.commands.RestoreVersion;
import io.palimpsest.shared.files.commands.UpdateFileDetails;
import io.palimpsest.shared.files.commands.VersionUpload;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One file and its whole version history. It keeps what its rules need: the path, every version
 * (at most {@value #MAX_VERSIONS}, oldest first), which one is current and the highest number ever
 * used, so numbering continues after deletes and restores. Ids and times always come from the
 * command, so replays are exact. Field access for Jackson keeps snapshots complete.
 */
@Aggregate(snapshotTriggerDefinition = "fileSnapshotTrigger", cache = "fileCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class FileAggregate {

    static final int MAX_VERSIONS = 100;
    static final int MAX_TAGS_LENGTH = 500;

    @AggregateIdentifier
    private FileId fileId;
    private FilePath path;
    private List<FileVersion> versions;
    private VersionId currentVersionId;
    private int highestNumber;
    private Set<String> appliedOperations;

    FileAggregate() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    FileAggregate(CreateFile command) {
        if (!command.upload().versionId().equals(command.fileId().firstVersionId())) {
            throw new IllegalArgumentException("a new file's first version shares its id");
        }
        apply(new FileCreated(command.fileId(), command.path(), command.upload().asFirstVersion(), null));
    }

    @CommandHandler
    FileAggregate(CreateFileFromCopy command) {
        if (command.versions().size() > MAX_VERSIONS) {
            throw new VersionLimitExceeded(command.fileId(), 0, command.versions().size());
        }
        List<FileVersion> copies = renumbered(command.versions(), 1, VersionSource.COPY);
        apply(new FileCreated(command.fileId(), command.path(), copies.get(0), command.sourceFileId()));
        if (copies.size() > 1) {
            apply(new VersionsAppended(command.fileId(), command.sourceFileId(), copies.subList(1, copies.size()),
                    "create:" + command.fileId(), command.copiedAt()));
        }
    }

    /** Returns the added version, so an upload can answer with its number and resolved details. */
    @CommandHandler
    FileVersion handle(AddVersion command) {
        requireAt(command.expectedPath());
        requireRoomFor(1);
        VersionUpload upload = command.upload();
        VersionDetails details = detailsOfNewVersion(current().details(), upload, command.overwrite());
        FileVersion added = new FileVersion(upload.versionId(), highestNumber + 1, upload.content(), details,
                upload.uploadedAt(), VersionSource.UPLOAD);
        apply(new VersionAdded(fileId, added));
        return added;
    }

    @CommandHandler
    void handle(AppendVersions command) {
        if (appliedOperations.contains(command.operationId())) {
            return;
        }
        requireRoomFor(command.versions().size());
        apply(new VersionsAppended(fileId, command.sourceFileId(),
                renumbered(command.versions(), highestNumber + 1, command.source()),
                command.operationId(), command.appendedAt()));
    }

    @CommandHandler
    void handle(RestoreVersion command) {
        FileVersion version = version(command.versionId());
        if (isCurrent(version.versionId())) {
            return;
        }
        apply(new VersionRestored(fileId, version.versionId(), currentVersionId, command.restoredAt()));
    }

    @CommandHandler
    void handle(DeleteVersion command) {
        FileVersion version = version(command.versionId());
        if (isCurrent(version.versionId())) {
            throw new CurrentVersionNotDeletable(fileId, version.versionId());
        }
        apply(new VersionDeleted(fileId, version.versionId(), version.content().hash(), command.deletedAt()));
    }

    @CommandHandler
    void handle(DeleteFile command) {
        apply(new FileDeleted(fileId, path,
                versions.stream().map(FileVersion::versionId).toList(),
                versions.stream().map(v -> v.content().hash()).distinct().toList(),
                command.deletedAt()));
    }

    @CommandHandler
    void handle(RenameFile command) {
        if (path.name().equals(command.newName())) {
            throw new SameName(fileId);
        }
        apply(new FileRenamed(fileId, path, path.withName(command.newName()), command.renamedAt()));
    }

    @CommandHandler
    void handle(MoveFile command) {
        if (path.folder().equals(command.destination())) {
            throw new SameFolder(fileId);
        }
        apply(new FileMoved(fileId, path, path.inFolder(command.destination()), command.movedAt()));
    }

    @CommandHandler
    void handle(MergeFileAway command) {
        apply(new FileMergedAway(fileId, path, command.destinationFileId(), command.mergedAt()));
    }

    @CommandHandler
    void handle(UpdateFileDetails command) {
        VersionDetails details = current().details();
        if (command.tags() != null) {
            details = details.withTags(command.tags().value());
        }
        if (command.customCoordinates() != null) {
            details = details.withCustomCoordinates(command.customCoordinates().value());
        }
        if (command.customMetadata() != null) {
            details = details.withCustomMetadata(merged(details.customMetadata(), command.customMetadata()));
        }
        if (command.description() != null) {
            details = details.withDescription(command.description().value());
        }
        if (command.removeAllAITags()) {
            details = details.withAiTags(List.of());
        } else if (command.removeAITags() != null) {
            details = details.withAiTagsRemoved(command.removeAITags());
        }
        apply(new FileDetailsUpdated(fileId, currentVersionId, details, command.updatedAt()));
    }

    @CommandHandler
    void handle(AddTags command) {
        VersionDetails details = current().details().withTagsAdded(command.tags());
        int combinedLength = details.tags().stream().mapToInt(String::length).sum();
        if (combinedLength > MAX_TAGS_LENGTH) {
            throw new TagLimitExceeded(fileId, combinedLength);
        }
        apply(new TagsAdded(fileId, currentVersionId, command.tags(), details.tags(), command.updatedAt()));
    }

    @CommandHandler
    void handle(RemoveTags command) {
        VersionDetails details = current().details().withTagsRemoved(command.tags());
        apply(new TagsRemoved(fileId, currentVersionId, command.tags(), details.tags(), command.updatedAt()));
    }

    @CommandHandler
    void handle(RemoveAITags command) {
        VersionDetails details = current().details().withAiTagsRemoved(command.names());
        apply(new AITagsRemoved(fileId, currentVersionId, command.names(), details.aiTags(), command.updatedAt()));
    }

    @CommandHandler
    void handle(ChangePublication command) {
        List<VersionId> affected = command.includeFileVersions()
                ? versions.stream().map(FileVersion::versionId).toList()
                : List.of(currentVersionId);
        apply(new PublicationChanged(fileId, affected, command.published(), command.changedAt()));
    }

    @EventSourcingHandler
    void on(FileCreated event) {
        fileId = event.fileId();
        path = event.path();
        versions = new ArrayList<>(List.of(event.firstVersion()));
        currentVersionId = event.firstVersion().versionId();
        highestNumber = event.firstVersion().number();
        appliedOperations = new HashSet<>();
    }

    @EventSourcingHandler
    void on(VersionAdded event) {
        addAsCurrent(event.version());
    }

    @EventSourcingHandler
    void on(VersionsAppended event) {
        event.versions().forEach(this::addAsCurrent);
        appliedOperations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(VersionRestored event) {
        currentVersionId = event.versionId();
    }

    @EventSourcingHandler
    void on(VersionDeleted event) {
        versions.removeIf(v -> v.versionId().equals(event.versionId()));
    }

    @EventSourcingHandler
    void on(FileDeleted event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(FileMergedAway event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(FileRenamed event) {
        path = event.newPath();
    }

    @EventSourcingHandler
    void on(FileMoved event) {
        path = event.newPath();
    }

    @EventSourcingHandler
    void on(FileDetailsUpdated event) {
        replaceDetails(event.versionId(), event.details());
    }

    @EventSourcingHandler
    void on(TagsAdded event) {
        replaceDetails(event.versionId(), detailsOf(event.versionId()).withTags(event.tags()));
    }

    @EventSourcingHandler
    void on(TagsRemoved event) {
        replaceDetails(event.versionId(), detailsOf(event.versionId()).withTags(event.tags()));
    }

    @EventSourcingHandler
    void on(AITagsRemoved event) {
        replaceDetails(event.versionId(), detailsOf(event.versionId()).withAiTags(event.aiTags()));
    }

    @EventSourcingHandler
    void on(PublicationChanged event) {
        event.versionIds().forEach(id -> replaceDetails(id, detailsOf(id).withPublished(event.published())));
    }

    /** Where the file is now; read by copy and move, which act on two files in one unit of work. */
    FilePath path() {
        return path;
    }

    /**
     * The versions a copy or move takes, oldest first and the current one last, so that it is current
     * again where they land: the current version only, unless {@code all}.
     */
    List<FileVersion> versionsInTransferOrder(boolean all) {
        if (!all) {
            return List.of(current());
        }
        List<FileVersion> ordered = new ArrayList<>(versions.stream()
                .filter(v -> !isCurrent(v.versionId()))
                .sorted(java.util.Comparator.comparingInt(FileVersion::number))
                .toList());
        ordered.add(current());
        return ordered;
    }

    /**
     * ImageKit's overwrite rules: a field the upload sends always wins; a field it leaves out is
     * dropped or kept by the matching overwrite flag. Coordinates, description and flags belong to
     * the new bytes and are never inherited.
     */
    static VersionDetails detailsOfNewVersion(VersionDetails previous, VersionUpload upload, OverwriteRules overwrite) {
        List<String> tags = upload.tags() != null ? upload.tags() : overwrite.tags() ? List.of() : previous.tags();
        Map<String, Object> customMetadata = upload.customMetadata() != null ? upload.customMetadata()
                : overwrite.customMetadata() ? Map.of() : previous.customMetadata();
        return new VersionDetails(tags, overwrite.aiTags() ? List.of() : previous.aiTags(), customMetadata,
                upload.customCoordinates(), upload.description(), upload.privateFile(), upload.published());
    }

    private static Map<String, Object> merged(Map<String, Object> existing, Map<String, Object> changes) {
        Map<String, Object> result = new LinkedHashMap<>(existing);
        changes.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static List<FileVersion> renumbered(List<FileVersion> source, int firstNumber, VersionSource how) {
        return IntStream.range(0, source.size())
                .mapToObj(i -> {
                    FileVersion v = source.get(i);
                    return new FileVersion(v.versionId(), firstNumber + i, v.content(), v.details(), v.createdAt(), how);
                })
                .toList();
    }

    private void requireAt(FilePath expected) {
        if (!path.equals(expected)) {
            throw new StalePath(fileId, expected);
        }
    }

    private void requireRoomFor(int adding) {
        if (!hasRoomFor(adding)) {
            throw new VersionLimitExceeded(fileId, versions.size(), adding);
        }
    }

    private boolean hasRoomFor(int adding) {
        return versions.size() + adding <= MAX_VERSIONS;
    }

    private boolean isCurrent(VersionId versionId) {
        return currentVersionId.equals(versionId);
    }

    private FileVersion current() {
        return version(currentVersionId);
    }

    private FileVersion version(VersionId versionId) {
        return versions.stream()
                .filter(v -> v.versionId().equals(versionId))
                .findFirst()
                .orElseThrow(() -> new NoSuchVersion(fileId, versionId));
    }

    private VersionDetails detailsOf(VersionId versionId) {
        return version(versionId).details();
    }

    private void addAsCurrent(FileVersion version) {
        versions.add(version);
        currentVersionId = version.versionId();
        highestNumber = Math.max(highestNumber, version.number());
    }

    private void replaceDetails(VersionId versionId, VersionDetails details) {
        versions.replaceAll(v -> v.versionId().equals(versionId) ? v.withDetails(details) : v);
    }
}
