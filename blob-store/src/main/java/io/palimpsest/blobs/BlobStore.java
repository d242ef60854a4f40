package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Content-addressed bytes: a blob's key is the SHA-256 of its content, so identical uploads share one
 * blob and copying a version copies only a reference.
 *
 * <p>Nothing here knows which blobs are referenced. A blob whose command failed stays behind until
 * garbage collection, which compares {@link #forEach} with the event store and spares anything
 * modified within its grace period; that is why {@link #put} refreshes the modification time of a
 * blob that already exists.
 */
public interface BlobStore {

    /**
     * Stores the staged file under {@code hash}, durably: once this returns, the blob survives a crash
     * of this machine, so an event may name it. Consumes the file (moved into place or deleted), so
     * the caller never has to clean up after a successful or failed call. The caller vouches that
     * {@code hash} is the SHA-256 of the file, as {@link Staging} computes it while writing, and that
     * nothing writes to the file any more; it may still read it through a channel it opened before.
     */
    void put(ContentHash hash, Path stagedFile) throws IOException;

    /**
     * Whether a put is local disk work (bounded by the disk PostgreSQL writes to as well) rather than a
     * network call that may take long or hang. An upload lets its command run beside a local put, holding
     * a database connection meanwhile; a remote put it waits for first.
     */
    default boolean putsOnLocalDisk() {
        return false;
    }

    /** @throws NoSuchBlobException when no blob is stored under {@code hash} */
    InputStream open(ContentHash hash) throws IOException;

    boolean exists(ContentHash hash) throws IOException;

    /** Deleting a missing blob is not an error: garbage collection may race with itself on several nodes. */
    void delete(ContentHash hash) throws IOException;

    /**
     * Visits every stored blob, a page at a time, for garbage collection. Blobs put or deleted while
     * the walk runs may or may not be visited.
     */
    void forEach(Consumer<StoredBlob> action) throws IOException;
}
