package io.palimpsest.command.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The writes of ImageKit's custom metadata fields API ({@code customMetadataFields.create / update /
 * delete} of the SDK); the list is the read side's. Commands block, so they run on the bounded
 * elastic scheduler.
 */
@RestController
class CustomMetadataFieldController {

    static final String INVALID_ID = "Your request contains invalid ID parameter.";

    private final CustomMetadataFields fields;

    CustomMetadataFieldController(CustomMetadataFields fields) {
        this.fields = fields;
    }

    @PostMapping(path = "/v1/customMetadataFields", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody JsonNode body) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED)
                .body(FieldJson.render(fields.create(FieldJson.newField(body)))));
    }

    @PatchMapping(path = "/v1/customMetadataFields/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> update(@PathVariable String id, @RequestBody JsonNode body) {
        return blocking(() -> {
            validId(id);
            return FieldJson.render(fields.update(id, FieldJson.fieldChange(body)));
        });
    }

    /** ImageKit answers 204 with an empty body (the SDK types it {@code {}}). */
    @DeleteMapping(path = "/v1/customMetadataFields/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return blocking(() -> {
            validId(id);
            fields.delete(id);
            return ResponseEntity.noContent().build();
        });
    }

    private static void validId(String id) {
        if (!CustomMetadataFieldId.isValid(id)) {
            throw ApiError.badRequest(INVALID_ID);
        }
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
