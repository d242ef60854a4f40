package io.palimpsest.bench.folders;

import io.palimpsest.bench.report.BenchmarkRun;
import io.palimpsest.bench.upload.SharedHarness;
import io.palimpsest.bench.upload.SharedHarness.Latencies;
import io.palimpsest.bench.upload.SharedHarness.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The folder job benchmark (bench/folders.sh, issue 4): standalone Palimpsest copies and moves a
 * folder of N files as a background job ({@code POST /v1/bulkJobs/copyFolder}, {@code /moveFolder});
 * files per second from the request until {@code GET /v1/bulkJobs/{jobId}} answers Completed, checked
 * by counting what the list API shows at the destination afterwards. Every job runs on a folder of
 * N and of N/10 files. A second pass runs every job again with the server's live heap measured by
 * forced full collections ({@link LiveHeap}): right before the job, every {@value #LIVE_GAP_MILLIS} ms
 * during it, and once the server is idle after it; it shows whether what the server keeps live grows
 * with the folder. The timed pass has no forced collections and no heap sampling.
 * Baseline, same run: the same files copied one request each ({@code POST /v1/files/copy}) by a
 * client with {@code concurrency} connections. The results replace the folder section of
 * docs/benchmarks.md.
 *
 * <p>Options ({@code --name=value}): {@code jar}, {@code output}, {@code files} (10000; the small folder has a
 * tenth), {@code versions} (2 per file), {@code xmx} (512m), {@code concurrency} (8, seeding and baseline),
 * {@code baseline} (as many single copies as {@code files}), {@code upload-bytes} (1024), {@code jfr} (record
 * each large job with Java Flight Recorder into the log directory), {@code max-minutes} (60).
 */
public final class FolderBenchmark {

    static final String PRIVATE_KEY = "private_bench_folders";
    private static final Duration POLL = Duration.ofMillis(50);
    /** The pause between the end of one forced full collection (with its class histogram) and the next one. */
    static final long LIVE_GAP_MILLIS = 250;
    /** Classes listed per large job: those whose live bytes grew most. */
    static final int TOP_CLASSES = 8;

    private final Options options;
    private final Path work;
    private final Path logs;
    private final List<Server> running = new ArrayList<>();

    record Options(Path jar, Path output, int files, int versions, String xmx, int concurrency, int baseline,
                   int uploadBytes, boolean jfr, Duration maxRun, String command) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                o.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            int files = Integer.parseInt(o.getOrDefault("files", "10000"));
            return new Options(
                    Path.of(o.getOrDefault("jar", "deploy/standalone/target/palimpsest-standalone.jar")),
                    Path.of(o.getOrDefault("output", "docs/benchmarks.md")),
                    files,
                    Integer.parseInt(o.getOrDefault("versions", "2")),
                    o.getOrDefault("xmx", "512m"),
                    Integer.parseInt(o.getOrDefault("concurrency", "8")),
                    Integer.parseInt(o.getOrDefault("baseline", String.valueOf(files))),
                    Integer.parseInt(o.getOrDefault("upload-bytes", "1024")),
                    Boolean.parseBoolean(o.getOrDefault("jfr", "false")),
                    Duration.ofMinutes(Long.parseLong(o.getOrDefault("max-minutes", "60"))),
                    System.getProperty("bench.command", "bench/folders.sh"));
        }

        List<Integer> sizes() {
            return List.of(Math.max(1, files / 10), files);
        }
    }

    /** The three jobs, each run on each folder size. */
    enum Kind {
        COPY("copy", "copyFolder, includeVersions false", false),
        COPY_ALL_VERSIONS("copy-all", "copyFolder, includeVersions true", true),
        MOVE("moved", "moveFolder", true);

        final String destination;
        final String label;
        final boolean allVersions;

        Kind(String destination, String label, boolean allVersions) {
            this.destination = destination;
            this.label = label;
            this.allVersions = allVersions;
        }
    }

    /**
     * One job: files per second from the request to the first status answer saying Completed; CPU of
     * the server's JVM and its PostgreSQL in that window; what the list API showed afterwards.
     *
     * @param visibleAfter from Completed until the list API showed every file at the destination (null: never)
     */
    record JobRun(Kind kind, int files, int versions, Duration time, Duration jvmCpu, Duration postgresCpu,
                  Live live, FolderApi.Count atDestination, FolderApi.Count leftAtSource,
                  Duration visibleAfter, String error) {

        double filesPerSecond() {
            return files / (time.toNanos() / 1e9);
        }

        boolean verified() {
            long olderVersions = kind.allVersions ? (long) files * (versions - 1) : 0;
            boolean sourceOk = kind == Kind.MOVE ? leftAtSource.files() == 0 : leftAtSource.files() == files;
            return error == null && atDestination.files() == files && atDestination.olderVersions() == olderVersions
                    && sourceOk;
        }
    }

    /**
     * The live heap around one job of the second pass, each figure the total of a class histogram taken
     * just after a forced full collection.
     *
     * @param before     idle, right before the request
     * @param maxDuring  the largest of the samples taken from the request until Completed
     * @param samples    how many were taken in that window
     * @param after      idle again after the job (its result listed, the projections caught up)
     * @param longestPauseMillis the longest forced collection with its count, in ms
     * @param growthAtMax the classes that grew most from {@code before} to the largest sample
     * @param retained    the classes that grew most from {@code before} to {@code after}
     * @param retainedOfTop for each class of {@code growthAtMax}, its growth from {@code before} to {@code after}
     */
    record Live(long before, long maxDuring, int samples, long after, long longestPauseMillis,
                List<LiveHeap.Growth> growthAtMax, List<LiveHeap.Growth> retained,
                List<LiveHeap.Growth> retainedOfTop) {

        long growth() {
            return maxDuring - before;
        }

        long retainedBytes() {
            return after - before;
        }
    }

    /** The baseline: single-file copies through {@code POST /v1/files/copy}. */
    record Baseline(int files, int concurrency, Latencies latencies, Duration jvmCpu, Duration postgresCpu,
                    FolderApi.Count atDestination) {
    }

    record Seeding(int files, int uploads, Duration time) {
    }

    /** {@code jobs}: the timed pass; {@code liveJobs}: the same jobs again, with the live heap measured. */
    record Results(List<Seeding> seeding, List<JobRun> jobs, List<JobRun> liveJobs, Baseline baseline) {
    }

    private FolderBenchmark(Options options, Path work, Path logs) {
        this.options = options;
        this.work = work;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        BenchmarkRun.requireJar(options.jar());
        Path logs = Files.createDirectories(Path.of("bench/target/folder-logs"));
        BenchmarkRun.runAndExit("palimpsest-folder-bench-", options.maxRun(), options.output(),
                FolderReport::writeSection, work -> {
                    FolderBenchmark benchmark = new FolderBenchmark(options, work, logs);
                    return BenchmarkRun.Benchmark.of(
                            started -> new FolderReport(started, options, work).render(benchmark.run()),
                            benchmark::stopAll);
                });
    }

    private Results run() throws Exception {
        int port = SharedHarness.freePort();
        int managementPort = SharedHarness.freePort();
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path log = logs.resolve("palimpsest.log");
        Path gcLog = logs.resolve("palimpsest-gc.log");
        Map<String, String> env = SharedHarness.palimpsestEnvironment(port, managementPort, dataDir, PRIVATE_KEY);
        List<String> jvm = List.of("-Xmx" + options.xmx(), "-Xlog:gc:file=" + gcLog, "-jar",
                options.jar().toAbsolutePath().toString());
        log("starting " + String.join(" ", jvm));
        Server server = SharedHarness.start("palimpsest", jvm, env, log, dataDir.resolve("postgres/postmaster.pid"));
        synchronized (running) {
            running.add(server);
        }
        String management = "http://127.0.0.1:" + managementPort;
        server.awaitHttp(management + "/actuator/health", Duration.ofMinutes(3));
        FolderApi api = new FolderApi("http://127.0.0.1:" + port, PRIVATE_KEY);

        List<Seeding> seeding = new ArrayList<>();
        for (int size : options.sizes()) {
            seeding.add(seed(api, size));
        }
        List<JobRun> jobs = new ArrayList<>();
        for (int size : options.sizes()) {
            boolean large = size == options.files();
            for (Kind kind : Kind.values()) {
                server.awaitQuiet();
                jobs.add(job(server, api, kind, size, root(size) + "src/", root(size) + kind.destination + "/",
                        large && options.jfr(), null));
            }
        }
        // the second pass: the same jobs on the same files (now in the first move's destination), into
        // destinations of their own, with the live heap measured; the move goes last, as above
        List<JobRun> liveJobs = new ArrayList<>();
        try (LiveHeap live = LiveHeap.attach(server.jvm().pid())) {
            for (int size : options.sizes()) {
                for (Kind kind : Kind.values()) {
                    server.awaitQuiet();
                    liveJobs.add(job(server, api, kind, size, movedSource(size),
                            root(size) + kind.destination + "-live/", false, live));
                }
            }
        }
        server.awaitQuiet();
        Baseline baseline = baseline(server, api, options.files());
        return new Results(seeding, jobs, liveJobs, baseline);
    }

    static String root(int size) {
        return "/bench-folders-" + size + "/";
    }

    /** Where the timed pass's move left the folder's files. */
    static String movedSource(int size) {
        return root(size) + Kind.MOVE.destination + "/src/";
    }

    static String fileName(int index) {
        return String.format("file-%05d.bin", index);
    }

    /** {@code size} files of {@code versions} versions each in {@code root(size)/src/}, uploaded through the API. */
    private Seeding seed(FolderApi api, int size) throws Exception {
        String folder = root(size) + "src/";
        int uploads = size * options.versions();
        AtomicLong nonce = new AtomicLong(size * 1_000_000L);
        log("seeding " + folder + ": " + size + " files × " + options.versions() + " versions, " + options.uploadBytes()
                + " bytes each, " + options.concurrency() + " connections");
        long start = System.nanoTime();
        // request i uploads version i / size of file i % size: every file's first version comes before any second one
        Latencies result = SharedHarness.run(options.concurrency(), 0, uploads,
                i -> api.upload(folder, fileName(i % size), options.uploadBytes(), nonce.incrementAndGet()));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (result.errors() > 0) {
            throw new IllegalStateException("seeding failed " + result.errors() + " uploads, first: " + result.firstError());
        }
        log(String.format("seeded %d uploads in %.1f s (%.0f/s)", uploads, time.toNanos() / 1e9, result.throughput()));
        return new Seeding(size, uploads, time);
    }

    /**
     * Runs one job from {@code source} into {@code destination} and checks its result. With {@code live},
     * the live heap is measured around it (forced full collections: the job's time then includes their
     * pauses and is not a speed figure).
     */
    private JobRun job(Server server, FolderApi api, Kind kind, int size, String source, String destination,
                       boolean jfr, LiveHeap live) throws Exception {
        String pass = live == null ? "timed" : "live heap";
        log("== " + pass + ": " + kind.label + ": " + size + " files, " + source + " -> " + destination);
        long pid = server.jvm().pid();
        if (jfr) {
            jcmd(pid, "JFR.start", "name=" + kind.destination, "settings=profile",
                    "filename=" + logs.resolve("job-" + kind.destination + ".jfr").toAbsolutePath());
        }
        String name = kind.destination + "-" + size;
        LiveHeap.Histogram before = null;
        if (live != null) {
            before = live.histogram();
            save(name + "-before", before);
        }
        Duration deadline = Duration.ofSeconds(Math.max(120, size / 20) * (live == null ? 1 : 3));
        String error = null;
        Duration time;
        Duration jvmCpu;
        Duration postgresCpu;
        AtomicBoolean completed = new AtomicBoolean();
        AtomicReference<LiveHeap.Histogram> max = new AtomicReference<>();
        AtomicLong samples = new AtomicLong();
        AtomicLong longestPause = new AtomicLong(before == null ? 0 : before.millis());
        AtomicReference<Exception> samplerError = new AtomicReference<>();
        Thread sampler = null;
        try {
            Duration jvmBefore = server.jvmCpuTime();
            Duration postgresBefore = server.postgresCpuTime();
            long start = System.nanoTime();
            String jobId = kind == Kind.MOVE ? api.moveFolder(source, destination)
                    : api.copyFolder(source, destination, kind.allVersions);
            if (live != null) {
                sampler = new Thread(() -> {
                    try {
                        while (!completed.get()) {
                            // counted when it started before Completed was seen
                            LiveHeap.Histogram h = live.histogram();
                            samples.incrementAndGet();
                            longestPause.accumulateAndGet(h.millis(), Math::max);
                            max.accumulateAndGet(h, (a, b) -> a == null || b.bytes() > a.bytes() ? b : a);
                            Thread.sleep(LIVE_GAP_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        // stopped
                    } catch (Exception e) {
                        samplerError.set(e);
                    }
                }, "live-heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
            String status = "";
            while (!status.equals("Completed") && System.nanoTime() - start < deadline.toNanos()) {
                Thread.sleep(POLL.toMillis());
                status = api.jobStatus(jobId);
            }
            time = Duration.ofNanos(System.nanoTime() - start);
            completed.set(true);
            jvmCpu = server.jvmCpuTime().minus(jvmBefore);
            postgresCpu = server.postgresCpuTime().minus(postgresBefore);
            if (sampler != null) {
                sampler.join();
            }
            if (samplerError.get() != null) {
                throw samplerError.get();
            }
            if (!status.equals("Completed")) {
                error = "job " + jobId + " still " + status + " after " + deadline.toSeconds() + " s";
            }
        } finally {
            completed.set(true);
            if (jfr) {
                jcmd(pid, "JFR.stop", "name=" + kind.destination);
            }
        }
        log(String.format("%s: %d files in %.2f s = %.0f files/s%s; CPU JVM %.1f s, PostgreSQL %.1f s%s", kind.label,
                size, time.toNanos() / 1e9, size / (time.toNanos() / 1e9), live == null ? "" : " (with forced full GCs)",
                jvmCpu.toMillis() / 1e3, postgresCpu.toMillis() / 1e3, error == null ? "" : " — " + error));
        String target = destination + "src/";
        long visibleFrom = System.nanoTime();
        FolderApi.Count count = awaitCount(api, target, size);
        Duration visibleAfter = count.files() == size ? Duration.ofNanos(System.nanoTime() - visibleFrom) : null;
        FolderApi.Count left = api.count(source);
        log("  listed at " + target + ": " + count + (visibleAfter == null ? " (not all)" : " after "
                + visibleAfter.toMillis() + " ms") + "; at the source: " + left);
        Live heap = null;
        if (live != null) {
            server.awaitQuiet();
            LiveHeap.Histogram after = live.histogram();
            save(name + "-after", after);
            LiveHeap.Histogram top = max.get() == null ? before : max.get();
            save(name + "-max", top);
            List<LiveHeap.Growth> atMax = top.growthSince(before, TOP_CLASSES);
            LiveHeap.Histogram first = before;
            heap = new Live(before.bytes(), top.bytes(), (int) samples.get(), after.bytes(),
                    Math.max(longestPause.get(), after.millis()), atMax, after.growthSince(before, TOP_CLASSES),
                    atMax.stream().map(g -> after.growthSince(first, g.className())).toList());
            log(String.format("  live heap: before %.1f MiB, max during %.1f MiB (%d samples, growth %+.1f MiB),"
                            + " after %.1f MiB (retained %+.1f MiB); longest forced pause %d ms",
                    mibs(heap.before()), mibs(heap.maxDuring()), heap.samples(), mibs(heap.growth()),
                    mibs(heap.after()), mibs(heap.retainedBytes()), heap.longestPauseMillis()));
            for (LiveHeap.Growth g : heap.growthAtMax()) {
                log(String.format("    at max: %+,12d B %+,10d objects  %s", g.bytes(), g.instances(), g.className()));
            }
            for (LiveHeap.Growth g : heap.retained()) {
                log(String.format("    after:  %+,12d B %+,10d objects  %s", g.bytes(), g.instances(), g.className()));
            }
        }
        return new JobRun(kind, size, options.versions(), time, jvmCpu, postgresCpu, heap, count, left, visibleAfter,
                error);
    }

    private void save(String name, LiveHeap.Histogram histogram) throws IOException {
        Files.writeString(logs.resolve("histogram-" + name + ".txt"), histogram.text());
    }

    private static double mibs(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    /** The list API trails writes (the search index is a projection): asks until every file shows, for at most 2 min. */
    private static FolderApi.Count awaitCount(FolderApi api, String folder, int files) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        FolderApi.Count count = api.count(folder);
        while (count.files() < files && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = api.count(folder);
        }
        // the versions may trail the files by a batch
        Thread.sleep(1000);
        return api.count(folder);
    }

    /** Single-file copies of the moved large folder's files into another folder, {@code concurrency} at a time. */
    private Baseline baseline(Server server, FolderApi api, int size) throws Exception {
        int files = Math.min(options.baseline(), size);
        String source = root(size) + Kind.MOVE.destination + "-live/src/";
        String destination = root(size) + "single/";
        log("== baseline: " + files + " × POST /v1/files/copy (includeFileVersions false), " + source + " -> "
                + destination + ", " + options.concurrency() + " connections");
        Duration jvmBefore = server.jvmCpuTime();
        Duration postgresBefore = server.postgresCpuTime();
        Latencies latencies = SharedHarness.run(options.concurrency(), 0, files,
                i -> api.copyFile(source + fileName(i), destination, false));
        Duration jvmCpu = server.jvmCpuTime().minus(jvmBefore);
        Duration postgresCpu = server.postgresCpuTime().minus(postgresBefore);
        log(String.format("baseline: %d copies, %.0f files/s, p50 %.1f ms, p99 %.1f ms, %d errors", latencies.succeeded(),
                latencies.throughput(), latencies.p50(), latencies.p99(), latencies.errors()));
        FolderApi.Count count = awaitCount(api, destination, latencies.succeeded());
        return new Baseline(files, options.concurrency(), latencies, jvmCpu, postgresCpu, count);
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private void stopAll() {
        synchronized (running) {
            running.forEach(Server::close);
            running.clear();
        }
    }

    static void log(String line) {
        System.out.println("[folder-bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

}
