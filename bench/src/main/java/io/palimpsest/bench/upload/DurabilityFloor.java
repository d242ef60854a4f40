package io.palimpsest.bench.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the durability an upload promises costs on this machine by itself, measured in the same run as the
 * uploads: the two steps a standalone upload must take that the bare endpoint does not, each done alone,
 * one after another (c = 1).
 * <ul>
 *   <li><b>event commit:</b> one event-sized row (700 bytes of payload, a unique key on aggregate and
 *   sequence, as {@code domain_event_entry} has) inserted and committed on Palimpsest's own embedded
 *   PostgreSQL, which runs with fsync and synchronous commit on;</li>
 *   <li><b>blob name made durable:</b> a written and fsynced 16 KiB file renamed into another directory,
 *   that directory fsynced (POSIX makes a new directory entry durable only then; the bare endpoint's file
 *   is never renamed and its directory never fsynced), on the disk of Palimpsest's data directory.</li>
 * </ul>
 * The probe table lives in a schema of its own, dropped afterwards; nothing of Palimpsest's is touched.
 */
final class DurabilityFloor {

    static final String EVENT_COMMIT = "event commit (INSERT + COMMIT on Palimpsest's PostgreSQL)";
    static final String DURABLE_RENAME = "blob name made durable (rename + directory fsync)";
    private static final int EVENT_PAYLOAD_BYTES = 700;
    private static final int FILE_BYTES = 16 * 1024;

    /** One step's latency over {@code count} repetitions, after as many unmeasured ones. */
    record Step(String name, int count, double p50, double p99) {
    }

    private DurabilityFloor() {
    }

    static List<Step> measure(Path palimpsestDataDir, Path scratch, int count) throws IOException, SQLException {
        return List.of(eventCommit(postgresPort(palimpsestDataDir), count), durableRename(scratch, count));
    }

    /** The port the embedded PostgreSQL listens on: the fourth line of its {@code postmaster.pid}. */
    private static int postgresPort(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        return Integer.parseInt(lines.get(3).trim());
    }

    private static Step eventCommit(int port, int count) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&password=postgres";
        byte[] payload = new byte[EVENT_PAYLOAD_BYTES];
        new Random(1).nextBytes(payload);
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP SCHEMA IF EXISTS bench_floor CASCADE");
                ddl.execute("CREATE SCHEMA bench_floor");
                ddl.execute("CREATE TABLE bench_floor.event (global_index bigserial PRIMARY KEY,"
                        + " aggregate_identifier varchar(255) NOT NULL, sequence_number bigint NOT NULL,"
                        + " payload bytea NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
            }
            connection.setAutoCommit(false);
            long[] nanos = new long[count];
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_floor.event (aggregate_identifier, sequence_number, payload) VALUES (?, ?, ?)")) {
                for (int i = -count; i < count; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, "floor-" + (i & 63));
                    insert.setLong(2, i + count);
                    insert.setBytes(3, payload);
                    insert.executeUpdate();
                    connection.commit();
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - start;
                    }
                }
            } finally {
                connection.setAutoCommit(true);
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("DROP SCHEMA bench_floor CASCADE");
                }
            }
            return step(EVENT_COMMIT, nanos);
        }
    }

    private static Step durableRename(Path scratch, int count) throws IOException {
        Path staging = Files.createDirectories(scratch.resolve("floor-staging"));
        Path target = Files.createDirectories(scratch.resolve("floor-blobs"));
        byte[] bytes = new byte[FILE_BYTES];
        new Random(2).nextBytes(bytes);
        long[] nanos = new long[count];
        for (int i = -count; i < count; i++) {
            Path staged = staging.resolve("upload-" + (i + count) + ".part");
            try (FileChannel out = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            long start = System.nanoTime();
            Files.move(staged, target.resolve("blob-" + (i + count)), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(target, StandardOpenOption.READ)) {
                directory.force(true);
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return step(DURABLE_RENAME, nanos);
    }

    private static Step step(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Step(name, sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }
}
