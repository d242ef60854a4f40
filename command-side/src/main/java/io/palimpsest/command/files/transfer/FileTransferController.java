package io.palimpsest.command.files.transfer;

import io.palimpsest.command.files.LostRaces;
import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.CopyFileToFolder;
import io.palimpsest.shared.files.commands.MoveFileToFolder;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /v1/files/copy} and {@code POST /v1/files/move} (spec §3.6, §3.7). */
@RestController
class FileTransferController {

    static final String INVALID_PARAMETERS = "Your request is missing parameters / contains invalid parameters.";

    private final CommandGateway commands;
    private final FilePathRegistry paths;
    private final Clock clock;

    FileTransferController(CommandGateway commands, FilePathRegistry paths, Clock clock) {
        this.commands = commands;
        this.paths = paths;
        this.clock = clock;
    }

    record CopyRequest(String sourceFilePath, String destinationPath, Boolean includeFileVersions) {
    }

    record MoveRequest(String sourceFilePath, String destinationPath) {
    }

    @PostMapping("/v1/files/copy")
    Mono<ResponseEntity<Void>> copy(@RequestBody(required = false) CopyRequest request) {
        return blocking(() -> {
            CopyRequest body = request == null ? new CopyRequest(null, null, null) : request;
            requirePresent(body.sourceFilePath(), body.destinationPath());
            FileId source = sourceOf(body.sourceFilePath());
            FolderPath destination = destinationOf(body.destinationPath());
            String operationId = UUID.randomUUID().toString();
            LostRaces.retry(() -> commands.sendAndWait(new CopyFileToFolder(source, destination,
                    Boolean.TRUE.equals(body.includeFileVersions()), operationId, clock.instant())));
        });
    }

    @PostMapping("/v1/files/move")
    Mono<ResponseEntity<Void>> move(@RequestBody(required = false) MoveRequest request) {
        return blocking(() -> {
            MoveRequest body = request == null ? new MoveRequest(null, null) : request;
            requirePresent(body.sourceFilePath(), body.destinationPath());
            FileId source = sourceOf(body.sourceFilePath());
            FolderPath destination = destinationOf(body.destinationPath());
            String operationId = UUID.randomUUID().toString();
            LostRaces.retry(() -> commands.sendAndWait(new MoveFileToFolder(source, destination, operationId,
                    clock.instant())));
        });
    }

    private static void requirePresent(String... parameters) {
        for (String parameter : parameters) {
            if (parameter == null || parameter.isBlank()) {
                throw ApiError.badRequest(INVALID_PARAMETERS, "MISSING_PARAMETER");
            }
        }
    }

    private FileId sourceOf(String sourceFilePath) {
        FilePath path;
        try {
            path = FilePath.parse(sourceFilePath);
        } catch (IllegalArgumentException e) {
            throw missing(sourceFilePath);
        }
        return paths.fileAt(path).orElseThrow(() -> missing(sourceFilePath));
    }

    private static ApiError missing(String sourceFilePath) {
        return new ApiError(HttpStatus.NOT_FOUND, "No file found with filePath `" + sourceFilePath + "`.",
                "SOURCE_FILE_MISSING", Map.of());
    }

    private static FolderPath destinationOf(String destinationPath) {
        try {
            return FolderPath.parse(destinationPath);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(INVALID_PARAMETERS, "INVALID_FOLDER_PATH");
        }
    }

    private static Mono<ResponseEntity<Void>> blocking(Runnable work) {
        return Mono.fromRunnable(work).subscribeOn(Schedulers.boundedElastic())
                .then(Mono.just(ResponseEntity.noContent().build()));
    }
}
