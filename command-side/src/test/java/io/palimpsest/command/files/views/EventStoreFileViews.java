package io.palimpsest.command.files.views;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import io.palimpsest.shared.files.VersionId;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The write side's tests run without the read side, so they answer {@link FileViews} from the event
 * store itself: the file's events, read from the first one, folded into the fields of ImageKit's File
 * object that a write can change. The real implementation (the standalone's read model) is tested
 * end to end in the standalone module and by the Node SDK suite.
 */
@Component
class EventStoreFileViews implements FileViews {

    private final EventStore events;

    EventStoreFileViews(EventStore events) {
        this.events = events;
    }

    @Override
    public Map<String, Object> currentFile(FileId fileId) {
        History history = new History();
        events.readEvents(fileId.value(), 0).asStream().forEach(event -> history.apply(event.getPayload()));
        if (history.path == null || history.deleted) {
            throw ApiError.notFound("The requested file does not exist.");
        }
        return history.render(fileId);
    }

    private static final class History {

        private FilePath path;
        private boolean deleted;
        private VersionId current;
        private final Map<VersionId, FileVersion> versions = new LinkedHashMap<>();

        void apply(Object event) {
            if (event instanceof FileCreated e) {
                path = e.path();
                add(e.firstVersion());
            } else if (event instanceof VersionAdded e) {
                add(e.version());
            } else if (event instanceof VersionsAppended e) {
                e.versions().forEach(this::add);
            } else if (event instanceof VersionRestored e) {
                current = e.versionId();
            } else if (event instanceof VersionDeleted e) {
                versions.remove(e.versionId());
            } else if (event instanceof FileDeleted || event instanceof FileMergedAway) {
                deleted = true;
            } else if (event instanceof FileRenamed e) {
                path = e.newPath();
            } else if (event instanceof FileMoved e) {
                path = e.newPath();
            } else if (event instanceof FileDetailsUpdated e) {
                change(e.versionId(), details -> e.details());
            } else if (event instanceof TagsAdded e) {
                change(e.versionId(), details -> details.withTags(e.tags()));
            } else if (event instanceof TagsRemoved e) {
                change(e.versionId(), details -> details.withTags(e.tags()));
            } else if (event instanceof AITagsRemoved e) {
                change(e.versionId(), details -> details.withAiTags(e.aiTags()));
            } else if (event instanceof PublicationChanged e) {
                e.versionIds().forEach(id -> change(id, details -> details.withPublished(e.published())));
            }
        }

        private void add(FileVersion version) {
            versions.put(version.versionId(), version);
            current = version.versionId();
        }

        private void change(VersionId versionId, UnaryOperator<VersionDetails> change) {
            versions.computeIfPresent(versionId, (id, version) -> version.withDetails(change.apply(version.details())));
        }

        Map<String, Object> render(FileId fileId) {
            FileVersion version = versions.get(current);
            VersionDetails details = version.details();
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("type", "file");
            file.put("fileId", fileId.value());
            file.put("name", path.name().value());
            file.put("filePath", path.toString());
            file.put("versionInfo", Map.of("id", version.versionId().value(), "name", version.name()));
            file.put("tags", details.tags().isEmpty() ? null : details.tags());
            file.put("AITags", details.aiTags().isEmpty() ? null : details.aiTags().stream()
                    .map(tag -> Map.of("name", tag.name(), "confidence", tag.confidence(), "source", tag.source()))
                    .toList());
            file.put("customCoordinates", details.customCoordinates());
            file.put("customMetadata", details.customMetadata());
            if (details.description() != null) {
                file.put("description", details.description());
            }
            file.put("isPrivateFile", details.privateFile());
            file.put("isPublished", details.published());
            file.put("size", version.content().size());
            file.put("mime", version.content().mime());
            return file;
        }
    }
}
