package io.palimpsest.standalone.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from real binaries shipped in a Maven jar, its data kept across restarts. Unlike the
 * library's test defaults, it runs durably (fsync, synchronous commit, full page writes): an
 * acknowledged upload must survive a crash. A server left running by a killed JVM is stopped first,
 * since it would otherwise block the start.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_SERVER_SHUTDOWN = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Call only while holding the {@link DataDirectoryLock}: it stops whatever server runs on the directory. */
    static EmbeddedPostgresServer start(Path directory) throws IOException {
        Files.createDirectories(directory);
        stopStaleServer(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", postgres.getPort(), directory);
        return new EmbeddedPostgresServer(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    private static void stopStaleServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> stale = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle server = stale.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous process", server.pid(), directory);
        server.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            server.onExit().get(STALE_SERVER_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notYet) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A pid in a stale pid file may have been reused by an unrelated process: never stop that one. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL";
    }
}
