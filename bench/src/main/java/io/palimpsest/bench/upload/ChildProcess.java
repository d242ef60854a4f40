package io.palimpsest.bench.upload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server the benchmark starts (Palimpsest, the bare endpoint, S3Proxy): its own JVM, output to a
 * log file, stopped with everything it started. Palimpsest's embedded PostgreSQL detaches from the
 * JVM (its parent becomes init), so it is found through its {@code postmaster.pid} rather than as a
 * descendant.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final Path postgresPidFile;

    private ChildProcess(String name, Process process, Path log, Path postgresPidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.postgresPidFile = postgresPidFile;
    }

    /** @param postgresPidFile where an embedded PostgreSQL of this process writes its pid file, or null */
    static ChildProcess start(String name, List<String> jvmArgs, List<String> mainAndArgs, Map<String, String> env,
                              Path log, Path postgresPidFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log, postgresPidFile);
    }

    /** Waits until {@code url} answers 200, failing early (with the end of the log) if the process dies. */
    ChildProcess awaitHttp(String url, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer " + url + " within " + timeout + ":\n" + logTail());
    }

    /** Waits until the log contains {@code line}, failing early if the process dies. */
    ChildProcess awaitLog(String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(line)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not log '" + line + "' within " + timeout + ":\n" + logTail());
    }

    String name() {
        return name;
    }

    /** The JVM and, when it runs one, its embedded PostgreSQL with every PostgreSQL backend. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        postgres().ifPresent(postmaster -> {
            all.add(postmaster);
            postmaster.descendants().forEach(all::add);
        });
        return all;
    }

    ProcessHandle jvm() {
        return process.toHandle();
    }

    /** CPU time used so far by the JVM and by the live processes of its embedded PostgreSQL. */
    Duration cpuTime() {
        return jvmCpuTime().plus(postgresCpuTime());
    }

    /** CPU time used so far by the JVM (and any child it waits for). */
    Duration jvmCpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(ChildProcess::cpu)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * CPU time used so far by the live processes of the embedded PostgreSQL; connections are pooled,
     * so their backends live as long as the server.
     */
    Duration postgresCpuTime() {
        return postgres()
                .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                        .map(ChildProcess::cpu)
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * SIGTERM first, so that Palimpsest stops its PostgreSQL cleanly; then whatever is left of the
     * JVM, its descendants and the PostgreSQL it started is killed.
     */
    @Override
    public void close() {
        List<ProcessHandle> started = processes();
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        started.addAll(processes());
        for (ProcessHandle leftover : started) {
            if (leftover.isAlive()) {
                leftover.destroy();
                leftover.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                if (leftover.isAlive()) {
                    leftover.destroyForcibly();
                }
            }
        }
    }

    private Optional<ProcessHandle> postgres() {
        if (postgresPidFile == null || !Files.isRegularFile(postgresPidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(postgresPidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            // a pid from a stale file may belong to an unrelated process by now: only ever touch a postgres
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
