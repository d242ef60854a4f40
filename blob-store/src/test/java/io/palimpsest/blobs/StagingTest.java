package io.palimpsest.blobs;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StagingTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    Path directory;

    Staging staging;

    @BeforeEach
    void createStaging() throws IOException {
        staging = new Staging(directory);
    }

    @Nested
    class FromDataBuffers {

        @Test
        void hashesAndSizesContentSpreadOverSeveralBuffers() {
            Flux<DataBuffer> content = buffers("an event-", "sourced ", "media library");

            StagedFile staged = staging.stage(content, NO_LIMIT).block();

            String whole = "an event-sourced media library";
            assertThat(staged.size()).isEqualTo(whole.length());
            assertThat(staged.hash().sha256()).isEqualTo(sha256(whole.getBytes(StandardCharsets.UTF_8)));
            assertThat(staged.path()).hasParent(directory).hasContent(whole);
        }

        @Test
        void namesEveryStagedFileUniquely() {
            StagedFile first = staging.stage(buffers("same"), NO_LIMIT).block();
            StagedFile second = staging.stage(buffers("same"), NO_LIMIT).block();

            assertThat(first.path()).isNotEqualTo(second.path());
            assertThat(first.path().getFileName().toString()).startsWith("upload-").endsWith(".part");
        }

        @Test
        void stagesEmptyContent() {
            StagedFile staged = staging.stage(Flux.empty(), NO_LIMIT).block();

            assertThat(staged.size()).isZero();
            assertThat(staged.hash().sha256()).isEqualTo(EMPTY_SHA256);
            assertThat(staged.path()).exists();
        }

        @Test
        void acceptsContentOfExactlyTheLimit() {
            StagedFile staged = staging.stage(buffers("1234", "5678"), 8).block();

            assertThat(staged.size()).isEqualTo(8);
        }

        @Test
        void rejectsContentOverTheLimitAndLeavesNoFile() {
            StepVerifier.create(staging.stage(buffers("1234", "5678", "9"), 8))
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isInstanceOf(ContentTooLargeException.class)
                            .extracting(error -> ((ContentTooLargeException) error).limit()).isEqualTo(8L))
                    .verify(Duration.ofSeconds(10));

            assertThat(directory).isEmptyDirectory();
        }

        @Test
        void leavesNoFileWhenTheUploadFails() {
            Flux<DataBuffer> content = buffers("the start of an upload")
                    .concatWith(Flux.error(new IOException("connection reset by peer")));

            StepVerifier.create(staging.stage(content, NO_LIMIT))
                    .expectErrorMessage("connection reset by peer")
                    .verify(Duration.ofSeconds(10));

            assertThat(directory).isEmptyDirectory();
        }

        @Test
        void leavesNoFileWhenCancelled() throws IOException {
            Flux<DataBuffer> stalled = buffers("the start of an upload that never ends").concatWith(Flux.never());
            Disposable subscription = staging.stage(stalled, NO_LIMIT).subscribe();
            await().atMost(Duration.ofSeconds(10)).until(() -> fileCount() == 1);

            subscription.dispose();

            await().atMost(Duration.ofSeconds(10)).until(() -> fileCount() == 0);
        }

        @Test
        void releasesEveryBufferItWrites() {
            List<NettyDataBuffer> buffers = nettyBuffers(10, 100);

            staging.stage(Flux.fromIterable(buffers), NO_LIMIT).block();

            assertThat(buffers).allSatisfy(buffer -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
        }

        @Test
        void releasesEveryBufferWhenTheContentIsTooLarge() {
            List<NettyDataBuffer> buffers = nettyBuffers(10, 100);

            StepVerifier.create(staging.stage(Flux.fromIterable(buffers), 250))
                    .expectError(ContentTooLargeException.class)
                    .verify(Duration.ofSeconds(10));

            assertThat(buffers).allSatisfy(buffer -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
        }

        @Test
        void stages64MiBArrivingInSmallBuffers() throws Exception {
            int bufferSize = 8 * 1024;
            int bufferCount = 64 * 1024 * 1024 / bufferSize;
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            Flux<DataBuffer> content = Flux.range(0, bufferCount).map(index -> {
                byte[] bytes = new byte[bufferSize];
                Arrays.fill(bytes, (byte) index.intValue());
                expected.update(bytes);
                return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
            });

            StagedFile staged = staging.stage(content, NO_LIMIT).block(Duration.ofMinutes(2));

            assertThat(staged.size()).isEqualTo(64L * 1024 * 1024);
            assertThat(Files.size(staged.path())).isEqualTo(64L * 1024 * 1024);
            assertThat(staged.hash().sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        }
    }

    @Nested
    class FromInputStream {

        @Test
        void hashesAndSizesTheStream() throws IOException {
            byte[] bytes = "decoded from base64".getBytes(StandardCharsets.UTF_8);

            StagedFile staged = staging.stage(new ByteArrayInputStream(bytes), NO_LIMIT);

            assertThat(staged.size()).isEqualTo(bytes.length);
            assertThat(staged.hash().sha256()).isEqualTo(sha256(bytes));
            assertThat(staged.path()).hasBinaryContent(bytes);
        }

        @Test
        void rejectsContentOverTheLimitAndLeavesNoFile() {
            InputStream tooLong = new ByteArrayInputStream(new byte[1025]);

            assertThatThrownBy(() -> staging.stage(tooLong, 1024))
                    .isInstanceOf(ContentTooLargeException.class);
            assertThat(directory).isEmptyDirectory();
        }

        @Test
        void leavesNoFileWhenTheStreamFails() {
            InputStream failing = new InputStream() {
                private int served;

                @Override
                public int read() throws IOException {
                    if (served++ < 100) {
                        return 'x';
                    }
                    throw new IOException("remote server hung up");
                }
            };

            assertThatThrownBy(() -> staging.stage(failing, NO_LIMIT)).hasMessage("remote server hung up");
            assertThat(directory).isEmptyDirectory();
        }
    }

    @Test
    void discardDeletesTheStagedFile() throws IOException {
        StagedFile staged = staging.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), NO_LIMIT);

        staging.discard(staged);

        assertThat(staged.path()).doesNotExist();
    }

    private static Flux<DataBuffer> buffers(String... parts) {
        return Flux.fromArray(parts)
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<NettyDataBuffer> nettyBuffers(int count, int size) {
        NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
        return IntStream.range(0, count).mapToObj(index -> {
            ByteBuf buf = UnpooledByteBufAllocator.DEFAULT.buffer(size);
            buf.writeZero(size);
            return factory.wrap(buf);
        }).toList();
    }

    private long fileCount() throws IOException {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
