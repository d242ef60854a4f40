package io.palimpsest.command.files.delete;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.bulk.BulkFileEdits;
import io.palimpsest.command.files.bulk.FileIdList;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.commands.DeleteFile;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deleting files with every version (spec §3.4, §3.5): a hard delete, no trash. The bytes stay in
 * the blob store until garbage collection finds no version referencing them any more (the path
 * registry drops a deleted file's references in the same transaction as the event).
 */
@RestController
class DeleteController {

    static final String INVALID_FILE_ID = "Your request contains invalid fileId parameter.";
    static final int MAX_FILES = 100;
    static final String TOO_MANY_FILES = "fileIds cannot have more than " + MAX_FILES + " items.";

    private final CommandGateway commands;
    private final BulkFileEdits bulk;
    private final Clock clock;

    DeleteController(CommandGateway commands, BulkFileEdits bulk, Clock clock) {
        this.commands = commands;
        this.bulk = bulk;
        this.clock = clock;
    }

    /** 204; 404 "The requested file does not exist." (CommandErrorTranslator) for an unknown or deleted file. */
    @DeleteMapping("/v1/files/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String fileId) {
        return Mono.<Void>fromRunnable(() -> {
            if (!FileId.isValid(fileId)) {
                throw ApiError.badRequest(INVALID_FILE_ID);
            }
            commands.sendAndWait(new DeleteFile(new FileId(fileId), clock.instant()));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** 200 {@code {successfullyDeletedFileIds}}, 207 with {@code errors}, or 404 with {@code missingFileIds}. */
    @PostMapping(path = "/v1/files/batch/deleteByFileIds", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> deleteAll(@RequestBody(required = false) JsonNode body) {
        return Mono.fromCallable(() -> {
            List<String> fileIds = FileIdList.read(body, MAX_FILES, TOO_MANY_FILES);
            BulkFileEdits.Outcome outcome = bulk.apply(fileIds,
                    fileId -> commands.sendAndWait(new DeleteFile(fileId, clock.instant())));
            return ResponseEntity.status(outcome.status()).body(outcome.body("successfullyDeletedFileIds"));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
