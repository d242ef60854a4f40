package io.palimpsest.standalone.infrastructure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One standalone process per data directory. The operating system releases the lock when the
 * process dies, even by {@code kill -9}: so whoever holds it knows that any server still running on
 * this directory is a leftover of a dead process, safe to stop.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve("palimpsest.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Palimpsest process is using the data directory " + dataDir
                    + ". Stop it, or start this one with another PALIMPSEST_DATA_DIR.");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    @Override
    public String toString() {
        return "data directory lock";
    }
}
