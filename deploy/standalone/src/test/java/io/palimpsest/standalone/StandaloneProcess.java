package io.palimpsest.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged jar running as a child process, exactly as {@code java -jar} runs it for a user:
 * its own ports, its own data directory, its output in a log file.
 */
final class StandaloneProcess implements AutoCloseable {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);
    private static final Duration HEALTH_POLL = Duration.ofMillis(500);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int apiPort;
    private final int managementPort;
    private final List<ProcessHandle> descendants = new ArrayList<>();

    private StandaloneProcess(Process process, Path dataDir, Path log, int apiPort, int managementPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
    }

    static StandaloneProcess start(Path jar, Path dataDir, String privateKey, Path log) {
        return start(jar, dataDir, privateKey, log, Map.of());
    }

    /** With {@code settings} added to the child's environment (external servers, for example). */
    static StandaloneProcess start(Path jar, Path dataDir, String privateKey, Path log, Map<String, String> settings) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the package phase first (mvn verify does)");
        }
        int apiPort = freePort();
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // nothing from the caller's shell may point the child at other servers or directories
        environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("PALIMPSEST_")
                || name.startsWith("SERVER_") || name.startsWith("MANAGEMENT_"));
        environment.put("SERVER_PORT", Integer.toString(apiPort));
        environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("PALIMPSEST_DATA_DIR", dataDir.toString());
        environment.put("PALIMPSEST_PRIVATE_KEY", privateKey);
        environment.put("PALIMPSEST_PUBLIC_KEY", privateKey.replaceFirst("^private_", "public_"));
        environment.putAll(settings);
        try {
            Files.createDirectories(log.getParent());
            return new StandaloneProcess(builder.start(), dataDir, log, apiPort, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + apiPort);
    }

    Path log() {
        return log;
    }

    /** Waits until the management port reports the application healthy, or fails with the log's tail. */
    StandaloneProcess awaitHealthy(Duration timeout) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited with code " + process.exitValue()
                        + " before it became healthy\n" + logTail(80));
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    rememberDescendants();
                    return this;
                }
            } catch (IOException notListeningYet) {
                // the management port opens late in the start-up
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
        throw new AssertionError("the jar did not become healthy within " + timeout + " (last status "
                + lastStatus + ")\n" + logTail(80));
    }

    /** SIGKILL: no shutdown hook runs, and the embedded PostgreSQL is left running as after a crash. */
    void crash() throws InterruptedException, TimeoutException {
        rememberDescendants();
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: Spring's graceful shutdown, which also stops the embedded servers. */
    void stopGracefully() throws InterruptedException, TimeoutException {
        rememberDescendants();
        process.destroy();
        awaitExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The PostgreSQL server that the data directory's pid file names, if it is still running. */
    Optional<ProcessHandle> runningPostgres() {
        return runningPostgres(dataDir);
    }

    static Optional<ProcessHandle> runningPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.contains("postgres"))
                            .orElse(false));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "----- last " + tail.size() + " lines of " + log + " -----\n" + String.join("\n", tail)
                    + "\n----- end of " + log.getFileName() + " -----";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /**
     * Leaves nothing behind, whatever state the test left the process in: the JVM, every process it
     * started, and the PostgreSQL server, which {@code pg_ctl} detaches from the JVM's process tree.
     */
    @Override
    public void close() {
        rememberDescendants();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // reported by the test that started it, if it matters; cleanup goes on regardless
        }
        stopPostgres(dataDir);
    }

    static void stopPostgres(Path dataDir) {
        runningPostgres(dataDir).ifPresent(postgres -> {
            postgres.destroy();
            try {
                postgres.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                postgres.destroyForcibly();
            }
        });
    }

    private void awaitExit() throws InterruptedException, TimeoutException {
        if (!process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new TimeoutException("the jar did not exit within " + EXIT_WAIT + "\n" + logTail(40));
        }
    }

    private void rememberDescendants() {
        if (process.isAlive()) {
            process.descendants().filter(handle -> !descendants.contains(handle)).forEach(descendants::add);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(command -> command.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
