package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.BlobStore;
import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.command.files.IdGenerator;
import io.palimpsest.command.files.LostRaces;
import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.command.files.upload.checks.UploadFacts;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.commands.AddVersion;
import io.palimpsest.shared.files.commands.CreateFile;
import io.palimpsest.shared.files.commands.VersionUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * ImageKit's create-versus-version decision (spec §3.1). Bytes are stored first (content-addressed,
 * so an identical upload stores nothing new), then one command records them: a new file at a free
 * path, or a new version of the file already there. Blocking: call it off the event loop.
 */
@Service
public class UploadService {

    static final String FILE_EXISTS = "A file with the same name already exists at the exact location. We could "
            + "not overwrite it because both overwriteFile and useUniqueFileName are set to false.";
    static final String CHECKS_FAILED = "Your request failed 'checks' validation.";
    private static final String UNIQUE_SUFFIX_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final CommandGateway commands;
    private final FilePathRegistry paths;
    private final BlobStore blobs;
    private final Staging staging;
    private final ContentInspector inspector;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UploadService(CommandGateway commands, FilePathRegistry paths, BlobStore blobs, Staging staging,
                  ContentInspector inspector, IdGenerator ids, Clock clock) {
        this.commands = commands;
        this.paths = paths;
        this.blobs = blobs;
        this.staging = staging;
        this.inspector = inspector;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Inspects the staged bytes, runs the request's checks on them, stores and records them; the staged
     * file is consumed whatever happens, and an upload that fails its checks stores nothing.
     */
    UploadResult upload(UploadRequest request, StagedFile staged) {
        Content content;
        try {
            InspectedContent inspected = inspector.inspect(staged.path(), request.fileName().value());
            if (!request.checks().passes(new UploadFacts(request.folder(), staged.size(), inspected.mime(),
                    inspected.width(), inspected.height()))) {
                throw ApiError.badRequest(CHECKS_FAILED);
            }
            content = new Content(staged.hash(), staged.size(), inspected.mime(), inspected.width(),
                    inspected.height(), inspected.hasAlpha());
            blobs.put(staged.hash(), staged.path());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store upload " + staged.hash(), e);
        } finally {
            staging.discard(staged);
        }
        return record(request, content, clock.instant());
    }

    private UploadResult record(UploadRequest request, Content content, Instant now) {
        return LostRaces.retry(() -> {
            FilePath target = new FilePath(request.folder(),
                    request.useUniqueFileName() ? uniqueName(request.fileName()) : request.fileName());
            // AddVersion names the path it expects, so a stale remembered file is refused, not written
            // to; a refusal without a command (the path is taken) asks the database
            Optional<FileId> existing = request.overwriteFile() ? paths.rememberedFileAt(target) : paths.fileAt(target);
            if (existing.isEmpty()) {
                FileId fileId = ids.newFileId();
                VersionUpload upload = versionUpload(request, fileId.firstVersionId(), content, now);
                commands.sendAndWait(new CreateFile(fileId, target, upload));
                paths.remember(target, fileId);
                return new UploadResult(fileId, target, upload.asFirstVersion());
            }
            if (!request.overwriteFile()) {
                throw ApiError.badRequest(FILE_EXISTS);
            }
            VersionUpload upload = versionUpload(request, ids.newVersionId(), content, now);
            try {
                FileVersion added = commands.sendAndWait(
                        new AddVersion(existing.get(), target, upload, request.overwrite()));
                return new UploadResult(existing.get(), target, added);
            } catch (RuntimeException e) {
                if (LostRaces.isLostRace(e)) {
                    paths.forgetRemembered(target);
                }
                throw e;
            }
        });
    }

    private static VersionUpload versionUpload(UploadRequest request, VersionId versionId, Content content,
                                               Instant now) {
        return new VersionUpload(versionId, content, request.tags(), request.customMetadata(),
                request.customCoordinates(), request.description(), request.privateFile(), request.published(), now);
    }

    /** ImageKit's shape: {@code name_XXXXXXXXX.ext}. */
    private FileName uniqueName(FileName name) {
        StringBuilder suffix = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            suffix.append(UNIQUE_SUFFIX_ALPHABET.charAt(random.nextInt(UNIQUE_SUFFIX_ALPHABET.length())));
        }
        String base = name.baseName();
        int room = FileName.MAX_LENGTH - name.extension().length() - suffix.length() - 1;
        return new FileName(base.substring(0, Math.min(base.length(), room)) + "_" + suffix + name.extension());
    }

    /** What an upload recorded: the file, where it is, and the version it added (with resolved details). */
    record UploadResult(FileId fileId, FilePath path, FileVersion version) {
    }
}
