package io.palimpsest.command.files.details;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.command.metadata.CustomMetadataValidator;
import io.palimpsest.command.files.details.DetailsRequestParser.DetailsRequest;
import io.palimpsest.command.files.views.FileViews;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PATCH /v1/files/{fileId}/details} (spec §3.3): edits the current version's details, or
 * publishes/unpublishes, and never creates a version. Answers with the File as the next read will
 * show it, plus {@code extensionStatus} when extensions were named.
 */
@RestController
class DetailsController {

    static final String INVALID_FILE_ID = "Your request contains invalid fileId parameter.";

    private final CommandGateway commands;
    private final FileViews views;
    private final DetailsRequestParser parser;
    private final Clock clock;

    DetailsController(CommandGateway commands, FileViews views, ObjectMapper json, Clock clock,
                      CustomMetadataValidator customMetadata) {
        this.commands = commands;
        this.views = views;
        this.parser = new DetailsRequestParser(json, customMetadata);
        this.clock = clock;
    }

    @PatchMapping(path = "/v1/files/{fileId}/details", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> update(@PathVariable String fileId, @RequestBody(required = false) JsonNode body) {
        return Mono.fromCallable(() -> {
            if (!FileId.isValid(fileId)) {
                throw ApiError.badRequest(INVALID_FILE_ID);
            }
            FileId file = new FileId(fileId);
            DetailsRequest request = parser.parse(file, body, clock.instant());
            request.command().ifPresent(commands::sendAndWait);
            Map<String, Object> answer = new LinkedHashMap<>(views.currentFile(file));
            if (!request.extensions().isEmpty()) {
                Map<String, String> status = new LinkedHashMap<>();
                request.extensions().forEach(name -> status.put(name, "failed"));
                answer.put("extensionStatus", status);
            }
            return answer;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
