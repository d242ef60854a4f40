package io.palimpsest.command.files.versions;

import io.palimpsest.command.files.NoSuchVersion;
import io.palimpsest.command.files.views.FileViews;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import io.palimpsest.shared.files.commands.DeleteVersion;
import io.palimpsest.shared.files.commands.RestoreVersion;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Restoring and deleting one version (spec §3.10). Restore promotes the version in place and is a
 * no-op for the current one (§10); only non-current versions can be deleted. The command blocks,
 * so it runs on the bounded elastic scheduler.
 */
@RestController
class VersionController {

    static final String INVALID_FILE_ID = "Your request contains invalid fileId parameter.";
    static final String INVALID_VERSION_ID = "Your request contains invalid versionId parameter.";
    /** Delete answers one message for an unknown file and an unknown version alike. */
    static final String ASSET_NOT_FOUND = "The requested asset does not exist.";

    private final CommandGateway commands;
    private final FileViews views;
    private final Clock clock;

    VersionController(CommandGateway commands, FileViews views, Clock clock) {
        this.commands = commands;
        this.views = views;
        this.clock = clock;
    }

    /** 200 with the File as it now reads: the restored version, {@code type: file}. */
    @PutMapping(path = "/v1/files/{fileId}/versions/{versionId}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> restore(@PathVariable String fileId, @PathVariable String versionId) {
        return Mono.fromCallable(() -> {
            FileId file = fileId(fileId);
            commands.sendAndWait(new RestoreVersion(file, versionId(versionId), clock.instant()));
            return views.currentFile(file);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/v1/files/{fileId}/versions/{versionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String fileId, @PathVariable String versionId) {
        return Mono.<Void>fromRunnable(() -> {
            DeleteVersion command = new DeleteVersion(fileId(fileId), versionId(versionId), clock.instant());
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException e) {
                throw isUnknownAsset(e) ? ApiError.notFound(ASSET_NOT_FOUND) : e;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean isUnknownAsset(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException || cause instanceof NoSuchVersion) {
                return true;
            }
        }
        return false;
    }

    private static FileId fileId(String raw) {
        if (!FileId.isValid(raw)) {
            throw ApiError.badRequest(INVALID_FILE_ID);
        }
        return new FileId(raw);
    }

    private static VersionId versionId(String raw) {
        if (!VersionId.isValid(raw)) {
            throw ApiError.badRequest(INVALID_VERSION_ID);
        }
        return new VersionId(raw);
    }
}
