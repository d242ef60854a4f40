package io.palimpsest.command.files.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.command.files.bulk.BulkFileEdits;
import io.palimpsest.command.files.bulk.FileIdList;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.commands.AddTags;
import io.palimpsest.shared.files.commands.RemoveAITags;
import io.palimpsest.shared.files.commands.RemoveTags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk tag edits (spec §3.11): each acts on the current version of every named file and never
 * creates a version. 200 {@code {successfullyUpdatedFileIds}}; 207 with {@code errors} when some
 * files refused (a file whose tags would grow past {@value TagRules#MAX_COMBINED_LENGTH} characters);
 * 404 with {@code missingFileIds}, changing nothing, when some file does not exist.
 */
@RestController
class BulkTagsController {

    static final int MAX_FILES = 50;
    static final String TOO_MANY_FILES = "A maximum of " + MAX_FILES + " files can be edited at a time.";
    private static final String SUCCEEDED = "successfullyUpdatedFileIds";

    private final CommandGateway commands;
    private final BulkFileEdits bulk;
    private final Clock clock;

    BulkTagsController(CommandGateway commands, BulkFileEdits bulk, Clock clock) {
        this.commands = commands;
        this.bulk = bulk;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/files/addTags", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> addTags(@RequestBody(required = false) JsonNode body) {
        return edit(body, "tags", tags -> {
            List<String> checked = TagRules.checked(tags);
            return fileId -> new AddTags(fileId, checked, clock.instant());
        });
    }

    @PostMapping(path = "/v1/files/removeTags", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> removeTags(@RequestBody(required = false) JsonNode body) {
        return edit(body, "tags", tags -> fileId -> new RemoveTags(fileId, tags, clock.instant()));
    }

    @PostMapping(path = "/v1/files/removeAITags", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> removeAITags(@RequestBody(required = false) JsonNode body) {
        return edit(body, "AITags", names -> fileId -> new RemoveAITags(fileId, names, clock.instant()));
    }

    /**
     * Checks the request (fileIds first, then the tags), then sends one command per file.
     * {@code commandFor} sees the tag names once, before any file changes, and may refuse them.
     */
    private Mono<ResponseEntity<Map<String, Object>>> edit(JsonNode body, String tagsParameter,
                                                           Function<List<String>, Function<FileId, Object>> commandFor) {
        return Mono.fromCallable(() -> {
            List<String> fileIds = FileIdList.read(body, MAX_FILES, TOO_MANY_FILES);
            Function<FileId, Object> command = commandFor.apply(tagNames(body, tagsParameter));
            BulkFileEdits.Outcome outcome = bulk.apply(fileIds, fileId -> commands.sendAndWait(command.apply(fileId)));
            return ResponseEntity.status(outcome.status()).body(outcome.body(SUCCEEDED));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static List<String> tagNames(JsonNode body, String parameter) {
        JsonNode tags = body.get(parameter);
        if (tags == null || tags.isNull()) {
            throw ApiError.badRequest(parameter + " parameter is missing.");
        }
        if (!tags.isArray()) {
            throw ApiError.badRequest(parameter + " should be an Array.");
        }
        List<String> names = TagRules.names(tags, parameter);
        if (names.isEmpty()) {
            throw ApiError.badRequest(parameter + " array cannot be empty.");
        }
        return names;
    }
}
