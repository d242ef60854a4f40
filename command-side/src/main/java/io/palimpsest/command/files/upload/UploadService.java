package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.BlobStore;
import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.command.files.IdGenerator;
import io.palimpsest.command.files.LostRaces;
import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.command.files.upload.checks.UploadCheck;
import io.palimpsest.command.files.upload.checks.UploadFacts;
import io.palimpsest.platform.eventstore.CommitPreconditions;
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
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * ImageKit's create-versus-version decision (spec §3.1). Bytes are stored (content-addressed, so an
 * identical upload stores nothing new) and one command records them: a new file at a free path, or a
 * new version of the file already there. The command's event is appended only after its bytes are
 * durable. Blocking: call it off the event loop.
 */
@Service
public class UploadService {

    /** The executor that stores upload blobs beside their commands. */
    public static final String BLOB_WRITES = "blobWrites";
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
    private final Executor blobWrites;
    private final SecureRandom random = new SecureRandom();

    UploadService(CommandGateway commands, FilePathRegistry paths, BlobStore blobs, Staging staging,
                  ContentInspector inspector, IdGenerator ids, Clock clock,
                  @Qualifier(BLOB_WRITES) Executor blobWrites) {
        this.commands = commands;
        this.blobWrites = blobWrites;
        this.paths = paths;
        this.blobs = blobs;
        this.staging = staging;
        this.inspector = inspector;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores the staged bytes and records them; the staged file is consumed whatever happens.
     *
     * <p>Without checks, storing the blob (on the local store: its fsync, rename and directory fsync; on
     * S3: the PutObject) runs on another thread while this one inspects the bytes. On the local store the
     * command runs meanwhile too, and its events are appended only once the blob is stored
     * ({@link CommitPreconditions}); a remote put is waited for before the command, so that no database
     * connection is held across a network call. With checks, nothing is stored until they pass.
     */
    UploadResult upload(UploadRequest request, StagedFile staged) {
        if (request.checks() != UploadCheck.NONE) {
            return uploadChecked(request, staged);
        }
        CompletableFuture<Void> stored = null;
        try {
            Content content;
            // opened before the store moves the file away from its name; the channel reads it still
            try (FileChannel bytes = FileChannel.open(staged.path(), StandardOpenOption.READ)) {
                stored = store(staged);
                content = content(staged, inspector.inspect(bytes, request.fileName().value()));
            }
            CompletableFuture<Void> blob = stored;
            if (!blobs.putsOnLocalDisk()) {
                // a remote put may take long: no database connection is held while it runs
                CommitPreconditions.join(blob);
                return record(request, content, clock.instant());
            }
            UploadResult recorded = CommitPreconditions.awaiting(blob, () -> record(request, content, clock.instant()));
            CommitPreconditions.join(blob); // done already: the command waited for it
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read upload " + staged.hash(), e);
        } finally {
            if (stored == null) {
                staging.discard(staged);
            } else {
                awaitStored(stored);
            }
        }
    }

    /** Inspects the bytes and runs the request's checks on them before anything is stored. */
    private UploadResult uploadChecked(UploadRequest request, StagedFile staged) {
        Content content;
        try {
            InspectedContent inspected = inspector.inspect(staged.path(), request.fileName().value());
            if (!request.checks().passes(new UploadFacts(request.folder(), staged.size(), inspected.mime(),
                    inspected.width(), inspected.height()))) {
                throw ApiError.badRequest(CHECKS_FAILED);
            }
            content = content(staged, inspected);
            blobs.put(staged.hash(), staged.path());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store upload " + staged.hash(), e);
        } finally {
            staging.discard(staged);
        }
        return record(request, content, clock.instant());
    }

    private static Content content(StagedFile staged, InspectedContent inspected) {
        return new Content(staged.hash(), staged.size(), inspected.mime(), inspected.width(), inspected.height(),
                inspected.hasAlpha());
    }

    /** Puts the blob on a thread of its own; the put consumes the staged file. */
    private CompletableFuture<Void> store(StagedFile staged) {
        return CompletableFuture.runAsync(() -> {
            try {
                blobs.put(staged.hash(), staged.path());
            } catch (IOException e) {
                throw new UncheckedIOException("could not store upload " + staged.hash(), e);
            }
        }, blobWrites);
    }

    /**
     * An upload answers only once its blob is settled, so nothing it started outlives it. When the upload
     * failed, its own failure is the answer: a failed store has failed the command already, or
     * the upload failed before it for its own reason.
     */
    private static void awaitStored(CompletableFuture<Void> stored) {
        try {
            stored.join();
        } catch (CompletionException | CancellationException ignored) {
            // see above
        }
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
