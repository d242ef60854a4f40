package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Blobs as files under {@code <directory>/<2 hex>/<2 hex>/<hash>}: two levels of 256 directories keep
 * every directory small even with millions of blobs.
 *
 * <p>A blob appears only through an atomic rename of a file that has already been fsynced, and the
 * directory is fsynced after the rename, so after a crash a blob is either complete or absent and an
 * acknowledged upload is never lost. Concurrent puts of the same bytes are harmless: each rename
 * replaces identical content.
 */
public final class LocalBlobStore implements BlobStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final Clock clock;
    /** Shards (by their four hex digits) whose entries this process has made durable; see makeShardDurable. */
    private final AtomicBitSet durableShards = new AtomicBitSet(1 << 16);
    /** First-level directories (by their two hex digits) whose entries this process has made durable. */
    private final AtomicBitSet durableParents = new AtomicBitSet(1 << 8);

    public LocalBlobStore(Path directory) throws IOException {
        this(directory, Clock.systemUTC());
    }

    LocalBlobStore(Path directory, Clock clock) throws IOException {
        this.directory = Files.createDirectories(directory).toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void put(ContentHash hash, Path stagedFile) throws IOException {
        try {
            Path target = pathOf(hash);
            Path shard = target.getParent();
            if (!touchIfPresent(target)) {
                if (!Files.isDirectory(shard)) {
                    Files.createDirectories(shard);
                }
                moveIntoPlace(stagedFile, target);
            }
            // also for a blob that was there already: a concurrent put of the same bytes, or a process
            // killed after its rename, may have left the name in the page cache only
            fsync(shard);
            makeShardDurable(shard);
        } finally {
            Files.deleteIfExists(stagedFile);
        }
    }

    @Override
    public boolean putsOnLocalDisk() {
        return true;
    }

    @Override
    public InputStream open(ContentHash hash) throws IOException {
        try {
            return Files.newInputStream(pathOf(hash));
        } catch (NoSuchFileException e) {
            throw new NoSuchBlobException(hash, e);
        }
    }

    @Override
    public boolean exists(ContentHash hash) {
        return Files.isRegularFile(pathOf(hash));
    }

    @Override
    public void delete(ContentHash hash) throws IOException {
        Files.deleteIfExists(pathOf(hash));
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        Files.walkFileTree(directory, EnumSet.noneOf(FileVisitOption.class), 3, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && HASH.matcher(name).matches() && file.equals(pathOf(new ContentHash(name)))) {
                    action.accept(new StoredBlob(new ContentHash(name), attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                // Garbage collection on another node may delete a blob while we walk past it.
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    Path pathOf(ContentHash hash) {
        String hex = hash.sha256();
        return directory.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /**
     * Refreshes the modification time so that garbage collection, which may have judged the blob
     * unreferenced a moment ago, now sees it inside its grace period.
     */
    private boolean touchIfPresent(Path target) throws IOException {
        // most uploads are new content: a look first spares them an exception (a blob that goes between
        // the look and the touch is caught below; one that comes is replaced by the same bytes)
        if (!Files.exists(target)) {
            return false;
        }
        try {
            Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Makes the shard's own directory entries durable (the shard in its parent, the parent in the store's
     * directory) once per shard and process: the fsyncs after a shard's creation. They come after the
     * blob's rename and the shard's fsync, not before, because nothing needs them until {@link #put}
     * returns, and on a journaling filesystem the shard's fsync has usually committed them already, so
     * they cost little; a young store creates a shard for most uploads (there are 65,536 of them).
     * Also after a restart: a shard created just before a crash may not have reached the disk. Shards are
     * never deleted (garbage collection deletes blobs only), so a shard once durable stays so.
     */
    private void makeShardDurable(Path shard) throws IOException {
        int index = HexFormat.fromHexDigits(shard.getFileName().toString())
                | HexFormat.fromHexDigits(shard.getParent().getFileName().toString()) << 8;
        if (durableShards.get(index)) {
            return;
        }
        Path parent = shard.getParent();
        fsync(parent);
        int parentIndex = index >>> 8;
        if (!durableParents.get(parentIndex)) {
            fsync(directory);
            durableParents.set(parentIndex);
        }
        durableShards.set(index);
    }

    /** The bytes reach the disk before their name does, so a blob that has a name is complete. */
    private void moveIntoPlace(Path stagedFile, Path target) throws IOException {
        try {
            fsync(stagedFile);
            Files.move(stagedFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // A staging directory on another filesystem: copy next to the target, then rename there.
            Path sibling = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.copy(stagedFile, sibling, StandardCopyOption.REPLACE_EXISTING);
                fsync(sibling);
                Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(sibling);
            }
        }
    }

    private static void fsync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A fixed-size set of flags that threads may set concurrently; a flag once set stays set. */
    private static final class AtomicBitSet {

        private final AtomicLongArray words;

        AtomicBitSet(int size) {
            words = new AtomicLongArray((size + 63) >>> 6);
        }

        boolean get(int index) {
            return (words.get(index >>> 6) & 1L << index) != 0;
        }

        void set(int index) {
            long bit = 1L << index;
            words.getAndUpdate(index >>> 6, word -> word | bit);
        }
    }
}
