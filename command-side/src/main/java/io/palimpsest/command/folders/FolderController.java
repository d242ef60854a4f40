package io.palimpsest.command.folders;

import io.palimpsest.command.files.IdGenerator;
import io.palimpsest.command.files.LostRaces;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.DeleteFile;
import io.palimpsest.shared.folders.FolderId;
import io.palimpsest.shared.folders.FolderJobType;
import io.palimpsest.shared.folders.commands.CreateFolder;
import io.palimpsest.shared.folders.commands.DeleteFolder;
import io.palimpsest.shared.folders.commands.StartFolderJob;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Folders (spec §3.12): create, delete, and the background copy, move and rename jobs. */
@RestController
class FolderController {

    static final long MAX_OBJECTS = 100_000;
    private static final String INVALID_PARAMETERS = "Your request is missing parameters / contains invalid parameters.";

    private final CommandGateway commands;
    private final FolderRegistry folders;
    private final FolderJobRunner runner;
    private final IdGenerator ids;
    private final Clock clock;

    FolderController(CommandGateway commands, FolderRegistry folders, FolderJobRunner runner, IdGenerator ids,
                     Clock clock) {
        this.commands = commands;
        this.folders = folders;
        this.runner = runner;
        this.ids = ids;
        this.clock = clock;
    }

    record CreateFolderRequest(String folderName, String parentFolderPath) {
    }

    record DeleteFolderRequest(String folderPath) {
    }

    record CopyOrMoveFolderRequest(String sourceFolderPath, String destinationPath, Boolean includeVersions) {
    }

    record RenameFolderRequest(String folderPath, String newFolderName, Boolean purgeCache) {
    }

    @PostMapping("/v1/folder")
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody(required = false) CreateFolderRequest request) {
        return blocking(() -> {
            CreateFolderRequest body = request == null ? new CreateFolderRequest(null, null) : request;
            requirePresent(body.folderName());
            FolderPath parent = folder(body.parentFolderPath() == null ? "/" : body.parentFolderPath());
            FolderPath folder = folder(parent.value() + folderName(body.folderName()));
            commands.sendAndWait(new CreateFolder(FolderId.of(folder), folder, clock.instant()));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of());
        });
    }

    @DeleteMapping("/v1/folder")
    Mono<ResponseEntity<Void>> delete(@RequestBody(required = false) DeleteFolderRequest request) {
        return blocking(() -> {
            DeleteFolderRequest body = request == null ? new DeleteFolderRequest(null) : request;
            requirePresent(body.folderPath());
            FolderPath folder = folder(body.folderPath());
            if (folder.value().equals("/")) {
                throw ApiError.badRequest("The root folder cannot be deleted.", "INVALID_FOLDER_PATH");
            }
            if (!folders.exists(folder)) {
                throw new ApiError(HttpStatus.NOT_FOUND, "No folder found with folderPath " + body.folderPath() + ".",
                        "FOLDER_NOT_FOUND", Map.of());
            }
            requireAtMostMaxObjects(folder);
            List<FolderRegistry.FileEntry> page;
            while (!(page = folders.filesUnder(folder, "", 500)).isEmpty()) {
                for (FolderRegistry.FileEntry file : page) {
                    deleteQuietly(new FileId(file.fileId()));
                }
            }
            commands.sendAndWait(new DeleteFolder(FolderId.of(folder), folder, clock.instant()));
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping("/v1/bulkJobs/copyFolder")
    Mono<ResponseEntity<Map<String, Object>>> copy(@RequestBody(required = false) CopyOrMoveFolderRequest request) {
        return blocking(() -> start(FolderJobType.COPY_FOLDER, request,
                request != null && Boolean.TRUE.equals(request.includeVersions())));
    }

    @PostMapping("/v1/bulkJobs/moveFolder")
    Mono<ResponseEntity<Map<String, Object>>> move(@RequestBody(required = false) CopyOrMoveFolderRequest request) {
        return blocking(() -> start(FolderJobType.MOVE_FOLDER, request, true));
    }

    @PostMapping("/v1/bulkJobs/renameFolder")
    Mono<ResponseEntity<Map<String, Object>>> rename(@RequestBody(required = false) RenameFolderRequest request) {
        return blocking(() -> {
            RenameFolderRequest body = request == null ? new RenameFolderRequest(null, null, null) : request;
            requirePresent(body.folderPath(), body.newFolderName());
            FolderPath source = existingSource(body.folderPath());
            String parent = source.value().substring(0, source.value().length() - lastSegment(source).length() - 1);
            FolderPath target = folder(parent + folderName(body.newFolderName()));
            if (target.equals(source)) {
                throw ApiError.badRequest("The new folder name is the same as the old one.",
                        "SAME_SOURCE_AND_DESTINATION");
            }
            return startJob(FolderJobType.RENAME_FOLDER, source, target, true);
        });
    }

    private ResponseEntity<Map<String, Object>> start(FolderJobType type, CopyOrMoveFolderRequest request,
                                                      boolean includeVersions) {
        CopyOrMoveFolderRequest body = request == null ? new CopyOrMoveFolderRequest(null, null, null) : request;
        requirePresent(body.sourceFolderPath(), body.destinationPath());
        FolderPath source = existingSource(body.sourceFolderPath());
        FolderPath destination = folder(body.destinationPath());
        if (destination.value().startsWith(source.value())) {
            throw ApiError.badRequest("A folder cannot be copied or moved into itself or one of its subfolders.",
                    "INVALID_DESTINATION_PATH");
        }
        FolderPath target = folder(destination.value() + lastSegment(source));
        if (target.equals(source)) {
            throw ApiError.badRequest("The source and destination are the same.", "SAME_SOURCE_AND_DESTINATION");
        }
        return startJob(type, source, target, includeVersions);
    }

    private ResponseEntity<Map<String, Object>> startJob(FolderJobType type, FolderPath source, FolderPath target,
                                                         boolean includeVersions) {
        requireAtMostMaxObjects(source);
        String jobId = ids.newId();
        commands.sendAndWait(new StartFolderJob(jobId, type, source, target, includeVersions, clock.instant()));
        runner.submit(jobId);
        return ResponseEntity.ok(Map.of("jobId", jobId));
    }

    private FolderPath existingSource(String raw) {
        FolderPath source = folder(raw);
        if (source.value().equals("/")) {
            throw ApiError.badRequest("The source folder cannot be the root folder.", "SOURCE_IS_ROOT");
        }
        if (!folders.exists(source)) {
            throw new ApiError(HttpStatus.NOT_FOUND, "No files or folder found at " + raw + ".", "NO_FILES_FOLDER",
                    Map.of());
        }
        return source;
    }

    private void requireAtMostMaxObjects(FolderPath folder) {
        if (folders.objectsUnder(folder) > MAX_OBJECTS) {
            throw ApiError.badRequest("The folder holds more than " + MAX_OBJECTS + " files and versions.",
                    "TOO_MANY_OBJECTS");
        }
    }

    private void deleteQuietly(FileId fileId) {
        try {
            LostRaces.retry(() -> commands.sendAndWait(new DeleteFile(fileId, clock.instant())));
        } catch (AggregateNotFoundException alreadyGone) {
            // deleted by another request meanwhile: what this request wanted anyway
        }
    }

    private static String lastSegment(FolderPath folder) {
        List<String> segments = folder.segments();
        return segments.get(segments.size() - 1);
    }

    /** ImageKit replaces everything but letters, digits and {@code -} in folder names with {@code _}. */
    private static String folderName(String raw) {
        String name = raw.trim().replaceAll("[^\\p{L}\\p{N}-]", "_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            throw ApiError.badRequest("Your request contains an invalid folder name.", "INVALID_FOLDER_PATH");
        }
        return name;
    }

    private static FolderPath folder(String raw) {
        try {
            return FolderPath.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Your request contains an invalid folder path: " + raw + ".",
                    "INVALID_FOLDER_PATH");
        }
    }

    private static void requirePresent(String... parameters) {
        for (String parameter : parameters) {
            if (parameter == null || parameter.isBlank()) {
                throw ApiError.badRequest(INVALID_PARAMETERS, "MISSING_PARAMETER");
            }
        }
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
