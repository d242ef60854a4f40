package io.palimpsest.bench.upload;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public face of this package's helpers for the other benchmarks of this module (the read
 * benchmark, {@code io.palimpsest.bench.read}): child processes that are stopped with everything they
 * started (embedded PostgreSQL included), closed-loop load with nearest-rank percentiles, and upload
 * bodies. It only delegates, so both benchmarks start, stop and measure the same way. Added beside the
 * package-private classes rather than making them public while the upload benchmark was being edited;
 * once {@link ChildProcess} and {@link LoadRunner} are public, callers can use them directly and this
 * class can go.
 */
public final class SharedHarness {

    /** The Content-Type of {@link #uploadBody}'s bodies. */
    public static final String MULTIPART_CONTENT_TYPE = UploadBodies.CONTENT_TYPE;

    private SharedHarness() {
    }

    public static int freePort() throws IOException {
        return ChildProcess.freePort();
    }

    /**
     * The environment a standalone Palimpsest child runs with: loopback only, these ports, this data
     * directory and private key, the metrics the harness reads. Mutable, for callers to add to.
     */
    public static Map<String, String> palimpsestEnvironment(int port, int managementPort, Path dataDir,
                                                            String privateKey) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics");
        env.put("PALIMPSEST_DATA_DIR", dataDir.toString());
        env.put("PALIMPSEST_PRIVATE_KEY", privateKey);
        return env;
    }

    /**
     * Starts a JVM ({@code java <jvmArgs>}) whose output goes to {@code log}.
     *
     * @param postgresPidFile where the process's embedded PostgreSQL keeps its {@code postmaster.pid}, or null
     */
    public static Server start(String name, List<String> jvmArgs, Map<String, String> env, Path log,
                               Path postgresPidFile) throws IOException {
        return new Server(ChildProcess.start(name, jvmArgs, List.of(), env, log, postgresPidFile));
    }

    /** A started server: see {@link ChildProcess}. Closing it stops the JVM, its descendants and its PostgreSQL. */
    public static final class Server implements AutoCloseable {

        private final ChildProcess process;

        private Server(ChildProcess process) {
            this.process = process;
        }

        public Server awaitHttp(String url, Duration timeout) throws Exception {
            process.awaitHttp(url, timeout);
            return this;
        }

        public Server awaitLog(String line, Duration timeout) throws Exception {
            process.awaitLog(line, timeout);
            return this;
        }

        public ProcessHandle jvm() {
            return process.jvm();
        }

        /** The JVM, its descendants, and its embedded PostgreSQL with every backend. */
        public List<ProcessHandle> processes() {
            return process.processes();
        }

        public Duration jvmCpuTime() {
            return process.jvmCpuTime();
        }

        public Duration postgresCpuTime() {
            return process.postgresCpuTime();
        }

        public String logTail() {
            return process.logTail();
        }

        /**
         * Waits (at most 60 s) until the JVM and its PostgreSQL used under 50 ms of CPU over a second
         * (merges, flushes and catching up done).
         */
        public void awaitQuiet() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Duration before = jvmCpuTime().plus(postgresCpuTime());
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                Duration now = jvmCpuTime().plus(postgresCpuTime());
                if (now.minus(before).toMillis() < 50) {
                    return;
                }
                before = now;
            }
            System.out.println("(server still busy after 60 s; going on)");
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /** Sends request number {@code index} and throws unless it succeeded. */
    @FunctionalInterface
    public interface Request {
        void send(int index) throws Exception;
    }

    /** Closed-loop load: see {@link LoadRunner#run}. */
    public static Latencies run(int concurrency, int first, int count, Request request) throws InterruptedException {
        return new Latencies(LoadRunner.run(concurrency, first, count, request::send));
    }

    /** The latencies of one run (or of several, merged): see {@link LoadRunner.Result}. */
    public static final class Latencies {

        private final LoadRunner.Result result;

        private Latencies(LoadRunner.Result result) {
            this.result = result;
        }

        /** Several runs of the same measurement as one: their latencies pooled, their wall times added. */
        public static Latencies merge(List<Latencies> parts) {
            List<long[]> arrays = new ArrayList<>();
            int errors = 0;
            String firstError = null;
            Duration wall = Duration.ZERO;
            for (Latencies part : parts) {
                arrays.add(part.result.latencies());
                errors += part.result.errors();
                firstError = firstError != null ? firstError : part.result.firstError();
                wall = wall.plus(part.result.wall());
            }
            long[] all = arrays.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Latencies(new LoadRunner.Result(all, errors, firstError, wall));
        }

        /** Latencies measured some other way (open-loop timings, for instance), in nanoseconds. */
        public static Latencies of(long[] nanos, int errors, String firstError, Duration wall) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(new LoadRunner.Result(sorted, errors, firstError, wall));
        }

        public int succeeded() {
            return result.succeeded();
        }

        public int errors() {
            return result.errors();
        }

        public String firstError() {
            return result.firstError();
        }

        public double percentileMillis(double percentile) {
            return result.percentileMillis(percentile);
        }

        public double p50() {
            return result.p50();
        }

        public double p99() {
            return result.p99();
        }

        public double maxMillis() {
            long[] latencies = result.latencies();
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }

        public double throughput() {
            return result.throughput();
        }
    }

    /** Multipart upload bodies of {@code size} bytes of content, new content for every nonce: see {@link UploadBodies}. */
    public static BodyPublisher uploadBody(int size, String folder, String fileName, long nonce) {
        return BODIES.computeIfAbsent(size, UploadBodies::new).multipart(folder, fileName, nonce);
    }

    private static final Map<Integer, UploadBodies> BODIES = new java.util.concurrent.ConcurrentHashMap<>();
}
