package io.palimpsest.query.metadata;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /v1/customMetadataFields} ({@code customMetadataFields.list} of the SDK): the fields in
 * the order they were created, deleted ones only with {@code includeDeleted=true}. Like every list it
 * may trail the writes by the projection's lag. {@code folderPath} (path policies) is accepted and
 * has no effect: every field applies everywhere here.
 */
@RestController
class CustomMetadataFieldQueryController {

    private static final Comparator<CustomMetadataFieldRecord> CREATION_ORDER =
            Comparator.comparing(CustomMetadataFieldRecord::createdAt).thenComparing(CustomMetadataFieldRecord::fieldId);

    private final CustomMetadataFieldStore store;

    CustomMetadataFieldQueryController(CustomMetadataFieldStore store) {
        this.store = store;
    }

    @GetMapping(path = "/v1/customMetadataFields", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<Map<String, Object>>> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return Mono.fromCallable(() -> store.all().stream()
                        .filter(CustomMetadataFieldRecord::exists)
                        .filter(field -> includeDeleted || !field.deleted())
                        .sorted(CREATION_ORDER)
                        .map(CustomMetadataFieldRecord::toFieldObject)
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
