package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes upload bytes to a temporary file while hashing them, so that an upload of any size needs
 * constant memory and its content-addressed key is known once the last byte has arrived.
 *
 * <p>A staged file is not made durable here: {@link BlobStore#put} does that where it matters (the
 * local store fsyncs it before renaming it into place; an S3 store never needs it on local disk), so
 * an upload can inspect the bytes while they are being stored.
 *
 * <p>A staged file belongs to the caller until it hands it to {@link BlobStore#put} (which consumes
 * it) or to {@link #discard}. Every failure, oversize or cancellation on the way deletes the partial
 * file here, so nothing but a crash leaves files behind in the staging directory.
 */
public final class Staging {

    private static final int READ_BUFFER_SIZE = 64 * 1024;

    private final Path directory;

    public Staging(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory).toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes on {@link Schedulers#boundedElastic()} because file writes block and the buffers usually
     * arrive on a Netty event loop. Every buffer is released, whether written, refused or dropped by
     * cancellation. An error signal is delivered only after the partial file is gone; after a
     * cancellation it is deleted in the background.
     */
    public Mono<StagedFile> stage(Flux<DataBuffer> content, long maxBytes) {
        requireLimit(maxBytes);
        return Mono.defer(() -> {
            TempFile file = new TempFile(maxBytes);
            return content
                    .publishOn(Schedulers.boundedElastic())
                    // each buffer is released exactly once, here, written or not; what flows on is its
                    // size, so no later operator (then() discards every element) can release it again,
                    // which would free a pooled network buffer the multipart parser is still reading
                    .map(buffer -> {
                        try {
                            int size = buffer.readableByteCount();
                            file.append(buffer);
                            return size;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } finally {
                            DataBufferUtils.release(buffer);
                        }
                    })
                    .then(Mono.fromCallable(file::finish))
                    .onErrorMap(UncheckedIOException.class, UncheckedIOException::getCause)
                    .onErrorResume(failure -> Mono.fromRunnable(file::abortNow)
                            .subscribeOn(Schedulers.boundedElastic())
                            .then(Mono.error(failure)))
                    .doOnCancel(() -> {
                        if (file.abandon()) {
                            Schedulers.boundedElastic().schedule(file::abortNow);
                        }
                    })
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                    .doOnDiscard(StagedFile.class, staged -> Schedulers.boundedElastic().schedule(() -> discard(staged)));
        });
    }

    /** The blocking variant, for bytes that come from a decoder or a remote URL rather than a request body. */
    public StagedFile stage(InputStream in, long maxBytes) throws IOException {
        requireLimit(maxBytes);
        TempFile file = new TempFile(maxBytes);
        try {
            byte[] chunk = new byte[READ_BUFFER_SIZE];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                file.append(ByteBuffer.wrap(chunk, 0, read));
            }
            return file.finish();
        } catch (IOException | RuntimeException | Error e) {
            file.abortNow();
            throw e;
        }
    }

    /** Deletes a staged file that will not be stored, without failing the caller's own error handling. */
    public void discard(StagedFile staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException ignored) {
            // A leftover temp file wastes space but harms nothing; a start-up sweep can remove it.
        }
    }

    private static void requireLimit(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative limit: " + maxBytes);
        }
    }

    private enum State { WRITING, FINISHED, ABANDONED }

    /**
     * One staged upload in progress. Writes happen on one thread at a time, but a cancellation can
     * arrive on any thread while a write is running; the state flag settles which side deletes the
     * file, and the lock keeps deletion from overlapping a write.
     */
    private final class TempFile {

        private final long maxBytes;
        private final MessageDigest digest = sha256();
        private final AtomicReference<State> state = new AtomicReference<>(State.WRITING);
        private Path path;
        private FileChannel channel;
        private long size;

        TempFile(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized void append(DataBuffer buffer) throws IOException {
            try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
                while (buffers.hasNext()) {
                    append(buffers.next());
                }
            }
        }

        synchronized void append(ByteBuffer bytes) throws IOException {
            if (state.get() != State.WRITING) {
                throw new CancellationException("staging was cancelled");
            }
            if (bytes.remaining() > maxBytes - size) {
                throw new ContentTooLargeException(maxBytes);
            }
            digest.update(bytes.duplicate());
            FileChannel out = channel();
            while (bytes.hasRemaining()) {
                size += out.write(bytes);
            }
        }

        synchronized StagedFile finish() throws IOException {
            if (state.get() != State.WRITING) {
                throw new CancellationException("staging was cancelled");
            }
            channel().close();
            if (!state.compareAndSet(State.WRITING, State.FINISHED)) {
                throw new CancellationException("staging was cancelled");
            }
            return new StagedFile(path, new ContentHash(HexFormat.of().formatHex(digest.digest())), size);
        }

        /** Marks the upload abandoned unless it already finished; true if the caller must delete the file. */
        boolean abandon() {
            return state.compareAndSet(State.WRITING, State.ABANDONED);
        }

        synchronized void abortNow() {
            if (state.get() == State.FINISHED) {
                return;
            }
            state.set(State.ABANDONED);
            try {
                if (channel != null) {
                    channel.close();
                }
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // The same reasoning as in discard: a leftover temp file harms nothing.
            }
        }

        private FileChannel channel() throws IOException {
            if (channel == null) {
                path = Files.createTempFile(directory, "upload-", ".part");
                channel = FileChannel.open(path, StandardOpenOption.WRITE);
            }
            return channel;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
