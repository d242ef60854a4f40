package io.palimpsest.command.files.rename;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.paths.FilePathRegistry;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FilePath;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.RenameFile;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PUT /v1/files/rename} (spec §3.8): the file and all its versions take the new name in
 * their folder; the fileId stays. Whether the new path is free is decided by the path registry's
 * unique key inside the command's transaction, so two racing renames onto one name cannot both win.
 * There is no CDN in front of this server, so {@code purgeCache} is accepted, checked and has
 * nothing to purge: the answer is always {@code {}}, never a {@code purgeRequestId}.
 */
@RestController
class RenameController {

    static final String MISSING_PARAMETER = "MISSING_PARAMETER";
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";

    private final CommandGateway commands;
    private final FilePathRegistry paths;
    private final Clock clock;

    RenameController(CommandGateway commands, FilePathRegistry paths, Clock clock) {
        this.commands = commands;
        this.paths = paths;
        this.clock = clock;
    }

    @PutMapping(path = "/v1/files/rename", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> rename(@RequestBody(required = false) JsonNode body) {
        return Mono.fromCallable(() -> {
            String filePath = text(body, "filePath");
            String rawNewName = text(body, "newFileName");
            purgeCache(body);
            FileName newName = newName(rawNewName);
            FileId fileId = fileAt(filePath).orElseThrow(() -> fileMissing(filePath));
            try {
                commands.sendAndWait(new RenameFile(fileId, newName, clock.instant()));
            } catch (RuntimeException e) {
                if (causedBy(e, DuplicateKeyException.class)) {
                    throw new ApiError(HttpStatus.CONFLICT, "File with name " + newName
                            + " already exists at the same location.", "FILE_ALREADY_EXISTS");
                }
                if (causedBy(e, AggregateNotFoundException.class)) {
                    throw fileMissing(filePath);
                }
                throw e;
            }
            return Map.<String, Object>of();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String text(JsonNode body, String parameter) {
        JsonNode value = body == null ? null : body.get(parameter);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw ApiError.badRequest("Your request is missing " + parameter + " parameter.", MISSING_PARAMETER);
        }
        if (!value.isTextual()) {
            throw invalid(parameter, "It should be a string.");
        }
        return value.asText();
    }

    private static void purgeCache(JsonNode body) {
        JsonNode value = body == null ? null : body.get("purgeCache");
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw invalid("purgeCache", "It should be true or false.");
        }
    }

    /** Sanitised as an upload's fileName is: characters other than letters, digits, '.', '-' become '_'. */
    private static FileName newName(String raw) {
        try {
            return FileName.sanitise(raw);
        } catch (IllegalArgumentException e) {
            throw invalid("newFileName", "It must not contain '..' or control characters, and must have 1 to "
                    + FileName.MAX_LENGTH + " characters.");
        }
    }

    /** A path that no stored file could have (bad characters, no name) names no file: 404, like any other. */
    private Optional<FileId> fileAt(String filePath) {
        String trimmed = filePath.trim();
        int slash = trimmed.lastIndexOf('/');
        FilePath path;
        try {
            path = new FilePath(FolderPath.parse(trimmed.substring(0, slash + 1)),
                    new FileName(trimmed.substring(slash + 1)));
        } catch (IllegalArgumentException notAStoredPath) {
            return Optional.empty();
        }
        return paths.fileAt(path);
    }

    private static ApiError fileMissing(String filePath) {
        return new ApiError(HttpStatus.NOT_FOUND, "No file found in media library at filePath " + filePath,
                "FILE_MISSING");
    }

    private static ApiError invalid(String parameter, String why) {
        return ApiError.badRequest("Your request contains invalid " + parameter + " parameter. " + why,
                INVALID_PARAMETER);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
