package io.palimpsest.bench.bare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Baseline 1 of the upload benchmark: the least a correct streaming upload endpoint must do. It
 * reads the same multipart body as Palimpsest's upload API through the same streaming reader
 * ({@link PartEvent}), writes the file part to a new file off the event loop, fsyncs it and answers
 * with a small JSON body. No hashing, no inspection, no database, no events.
 *
 * <p>Arguments: {@code --server.port=… --bench.dir=…} (the harness passes them).
 */
@SpringBootApplication
public class BareUploadApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareUploadApplication.class);
        app.setWebApplicationType(WebApplicationType.REACTIVE);
        app.setDefaultProperties(Map.of(
                "server.address", "127.0.0.1",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        app.run(args);
    }

    @RestController
    static class Endpoint {

        private final Path directory;

        Endpoint(@Value("${bench.dir}") Path directory) throws IOException {
            this.directory = Files.createDirectories(directory);
        }

        @GetMapping("/ready")
        String ready() {
            return "ok";
        }

        @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Map<String, Object>> upload(@RequestBody Flux<PartEvent> parts) {
            return parts.windowUntil(PartEvent::isLast)
                    .concatMap(part -> part.switchOnFirst((first, events) -> first.get() instanceof FilePartEvent
                            ? store(events.map(PartEvent::content))
                            : events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.<Long>empty())))
                    .reduce(0L, Long::sum)
                    .map(size -> Map.of("size", size));
        }

        /** Writes on the bounded elastic scheduler, as any endpoint must: writes and fsync block. */
        private Mono<Long> store(Flux<DataBuffer> content) {
            return Mono.using(
                    () -> FileChannel.open(directory.resolve(UUID.randomUUID() + ".bin"),
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    // map, not doOnNext: then() discards every element it ignores, and the discard
                    // hook below would release an already released buffer a second time
                    channel -> content.publishOn(Schedulers.boundedElastic())
                            .map(buffer -> write(channel, buffer))
                            .then(Mono.fromCallable(() -> {
                                channel.force(true);
                                return channel.size();
                            })),
                    channel -> {
                        try {
                            channel.close();
                        } catch (IOException ignored) {
                            // nothing to do in a benchmark endpoint
                        }
                    })
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        }

        /** Writes and releases the buffer; returns how many bytes it held. */
        private static int write(FileChannel channel, DataBuffer buffer) {
            int written = 0;
            try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                while (chunks.hasNext()) {
                    var chunk = chunks.next();
                    while (chunk.hasRemaining()) {
                        written += channel.write(chunk);
                    }
                }
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataBufferUtils.release(buffer);
            }
        }
    }
}
