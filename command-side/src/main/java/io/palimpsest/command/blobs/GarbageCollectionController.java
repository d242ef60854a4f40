package io.palimpsest.command.blobs;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /v1/admin/garbage-collection}: runs blob garbage collection now (it also runs on a
 * schedule). Behind the private key like the rest of {@code /v1}.
 */
@RestController
class GarbageCollectionController {

    private final BlobGarbageCollector collector;

    GarbageCollectionController(BlobGarbageCollector collector) {
        this.collector = collector;
    }

    @PostMapping("/v1/admin/garbage-collection")
    Mono<BlobGarbageCollector.Report> collect() {
        return Mono.fromCallable(collector::collect).subscribeOn(Schedulers.boundedElastic());
    }
}
