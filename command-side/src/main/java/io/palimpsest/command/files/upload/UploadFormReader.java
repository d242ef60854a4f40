package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.ContentTooLargeException;
import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.platform.web.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an upload's multipart body as a stream: text fields are collected, the binary {@code file}
 * part streams straight into staging (hashed on the way, never held in memory, refused once it
 * passes the size limit). Whatever goes wrong, nothing staged is left behind.
 */
@Component
class UploadFormReader {

    private final Staging staging;
    private final UploadProperties properties;

    UploadFormReader(Staging staging, UploadProperties properties) {
        this.staging = staging;
        this.properties = properties;
    }

    Mono<UploadForm> read(Flux<PartEvent> parts) {
        Map<String, String> fields = new LinkedHashMap<>();
        AtomicReference<StagedFile> staged = new AtomicReference<>();
        long maxBytes = properties.maxFileSize().toBytes();
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent event = first.get();
                    if (event instanceof FilePartEvent && "file".equals(event.name())) {
                        if (staged.get() != null || fields.containsKey("file")) {
                            return drain(events).then(Mono.error(
                                    ApiError.badRequest("Your request contains more than one file parameter.")));
                        }
                        return staging.stage(events.map(PartEvent::content), maxBytes).doOnNext(staged::set).then();
                    }
                    if (event instanceof FormPartEvent form) {
                        fields.put(form.name(), form.value());
                    }
                    return drain(events);
                }))
                .then(Mono.fromSupplier(() -> new UploadForm(Map.copyOf(fields), staged.get())))
                .onErrorMap(ContentTooLargeException.class, e -> tooLarge(maxBytes))
                .doOnError(e -> discard(staged))
                .doOnCancel(() -> discard(staged));
    }

    static ApiError tooLarge(long maxBytes) {
        return ApiError.badRequest("Your request contains a file larger than the maximum allowed size of "
                + maxBytes + " bytes.", "FILE_TOO_LARGE");
    }

    private void discard(AtomicReference<StagedFile> staged) {
        StagedFile file = staged.getAndSet(null);
        if (file != null) {
            staging.discard(file);
        }
    }

    private static Mono<Void> drain(Flux<PartEvent> events) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
    }
}
