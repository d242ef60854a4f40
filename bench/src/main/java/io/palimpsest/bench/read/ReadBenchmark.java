package io.palimpsest.bench.read;

import io.palimpsest.bench.report.BenchmarkRun;
import io.palimpsest.bench.report.CompilerActivity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.palimpsest.bench.upload.SharedHarness;
import io.palimpsest.bench.upload.SharedHarness.Latencies;
import io.palimpsest.bench.upload.SharedHarness.Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The read benchmark (bench/read.sh, issue 3): standalone Palimpsest with 10,000 files × 100 versions
 * loaded through its event store, measured against raw reads of its own stores in the same run.
 * <ol>
 *   <li>Rebuild: the events are bulk-inserted into {@code domain_event_entry} (one transaction, in the
 *       exact format Axon writes, checked against API-written events first); the running projections
 *       consume them; the time until the version history and the search index show the last file's
 *       last version gives each read model's rebuild rate.</li>
 *   <li>Version list: {@code GET /v1/files/{id}/versions} vs. a raw {@code _id} read of the same
 *       document on the same MongoDB wire server.</li>
 *   <li>Search: five searchQueries through {@code GET /v1/files} vs. the same Lucene query on the
 *       same index directory, opened read-only by the harness.</li>
 *   <li>Projection lag: uploads at a steady rate; after each acknowledged upload, the time until
 *       {@code GET /v1/files} lists the new version.</li>
 *   <li>Memory: VmRSS and heap of the standalone JVM at 1 M versions.</li>
 * </ol>
 * Everything is bounded (timeouts per phase and for the whole run); the standalone JVM and its
 * embedded PostgreSQL are stopped however the run ends. The results replace the read section of
 * docs/benchmarks.md.
 *
 * <p>Options ({@code --name=value}): {@code jar}, {@code output}, {@code files} (10000), {@code versions}
 * (100), {@code xmx} (2g), {@code version-reads} (1000), {@code searches} (300 per query), {@code limit}
 * (100), {@code lag-rate} (20 per second), {@code lag-seconds} (30), {@code rebuild-timeout-minutes} (45),
 * {@code max-minutes} (120), {@code seed}.
 */
public final class ReadBenchmark {

    static final String PRIVATE_KEY = "private_bench_read";
    static final String VERSION_HISTORY = "version-history";
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern MONGO_PORT = Pattern.compile(
            "Embedded MongoDB wire server listening on mongodb://127\\.0\\.0\\.1:(\\d+)/|hosts=\\[127\\.0\\.0\\.1:(\\d+)]");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROFILE_EVERY = Duration.ofSeconds(30);
    private static final Duration JFR_REBUILD_FROM = Duration.ofSeconds(30);
    private static final Duration JFR_REBUILD_WINDOW = Duration.ofSeconds(60);
    static final int LAG_PATHS = 60;
    static final int LAG_ANATOMY_UPLOADS = 30;
    static final int LAG_UPLOAD_BYTES = 4096;
    static final Duration LAG_POLL = Duration.ofMillis(10);
    /** The warm-up ends once the server's compiler threads use less than this share of a core over two rounds in a row. */
    static final double QUIET_COMPILERS = 0.03;
    static final Duration LAG_GIVE_UP = Duration.ofSeconds(10);
    private static final int LAG_MAX_IN_FLIGHT = 64;

    private final Options options;
    private final Path work;
    private final Path logs;
    private final List<Server> running = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    /** The parsed command line. */
    record Options(Path jar, Path output, int files, int versions, String xmx, int versionReads, int searches,
                   int limit, int lagRate, int lagSeconds, Duration rebuildTimeout, Duration maxRun, long seed,
                   String command) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                o.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            return new Options(
                    Path.of(o.getOrDefault("jar", "deploy/standalone/target/palimpsest-standalone.jar")),
                    Path.of(o.getOrDefault("output", "docs/benchmarks.md")),
                    Integer.parseInt(o.getOrDefault("files", "10000")),
                    Integer.parseInt(o.getOrDefault("versions", "100")),
                    o.getOrDefault("xmx", "2g"),
                    Integer.parseInt(o.getOrDefault("version-reads", "2000")),
                    Integer.parseInt(o.getOrDefault("searches", "600")),
                    Integer.parseInt(o.getOrDefault("limit", "100")),
                    Integer.parseInt(o.getOrDefault("lag-rate", "20")),
                    Integer.parseInt(o.getOrDefault("lag-seconds", "30")),
                    Duration.ofMinutes(Long.parseLong(o.getOrDefault("rebuild-timeout-minutes", "45"))),
                    Duration.ofMinutes(Long.parseLong(o.getOrDefault("max-minutes", "120"))),
                    Long.parseLong(o.getOrDefault("seed", "20261127")),
                    System.getProperty("bench.command", "bench/read.sh"));
        }

        boolean fullSize() {
            return files == 10_000 && versions == 100;
        }
    }

    private ReadBenchmark(Options options, Path work, Path logs) {
        this.options = options;
        this.work = work;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        BenchmarkRun.requireJar(options.jar());
        Path logs = Files.createDirectories(Path.of("bench/target/read-logs"));
        BenchmarkRun.runAndExit("palimpsest-read-bench-", options.maxRun(), options.output(), ReadReport::writeSection,
                work -> {
                    ReadBenchmark benchmark = new ReadBenchmark(options, work, logs);
                    return BenchmarkRun.Benchmark.of(
                            started -> new ReadReport(started, options, work).render(benchmark.run()),
                            benchmark::stopAll);
                });
    }

    // ---- results ---------------------------------------------------------------------------------

    /** Everything the report shows. */
    record Results(String formatCheck, EventStore.Loaded loaded, Rebuild rebuild, Memory memory,
                   Map<String, Long> diskBytes, CompilerActivity.WarmUp warmUp, Comparison versionList,
                   List<Search> searches, Lag lag,
                   String lagProfile, Anatomy anatomy, Memory memoryAtEnd) {
    }

    /**
     * @param versionHistory time from the commit until GET .../versions showed the last version (null: not within the timeout)
     * @param versionHistoryAllSegments until every version-history segment's stored token passed the last event
     * @param searchIndex    until GET /v1/files found the last version
     */
    record Rebuild(Duration versionHistory, Duration versionHistoryAllSegments, Duration searchIndex,
                   Duration jvmCpu, Duration postgresCpu, Duration window, long peakRss, long peakHeap,
                   String profile, String jfrProfile, String progressAtTimeout) {
    }

    record Memory(long vmRss, long vmHwm, long heapUsed, long heapUsedAfterFullGc) {
    }

    /** Palimpsest's endpoint vs. its baseline over the same requests; profile: an unmeasured pass of the API requests. */
    record Comparison(Latencies api, Latencies raw, String profile) {

        Comparison withProfile(String summary) {
            return new Comparison(api, raw, summary);
        }
    }

    record Search(String name, String example, String sort, long matchingExample, boolean sameHits, String mismatch,
                  Comparison comparison) {

        Search withProfile(String summary) {
            return new Search(name, example, sort, matchingExample, sameHits, mismatch, comparison.withProfile(summary));
        }
    }

    /**
     * An unmeasured pass of API requests under JFR. They all run after the last measured phase: starting and
     * stopping a recording deoptimises compiled code, and the server then compiles again for minutes (on this
     * machine a two-second recording doubled the version list's p50 for the next 2,000 requests).
     */
    private record ProfilePass(String name, int requests, SharedHarness.Request request) {
    }

    private final List<ProfilePass> profilePasses = new ArrayList<>();

    /**
     * @param lagUpper time from each acknowledgement until the answer of the first poll that showed the version
     * @param lagLower time from each acknowledgement until the sending of that poll (the version became visible in between)
     */
    record Lag(int planned, int sent, int skipped, int failedUploads, int timedOut, Duration wall, Latencies uploads,
               Latencies lagUpper, Latencies lagLower, int polls, String firstError) {
    }

    // ---- the run ---------------------------------------------------------------------------------

    private Results run() throws Exception {
        int port = SharedHarness.freePort();
        int managementPort = SharedHarness.freePort();
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path log = logs.resolve("palimpsest.log");
        Map<String, String> env = SharedHarness.palimpsestEnvironment(port, managementPort, dataDir, PRIVATE_KEY);
        List<String> jvm = List.of("-Xmx" + options.xmx(), "-Xlog:gc:file=" + logs.resolve("palimpsest-gc.log"),
                "-jar", options.jar().toAbsolutePath().toString());
        log("starting " + String.join(" ", jvm));
        Server server = SharedHarness.start("palimpsest", jvm, env, log, dataDir.resolve("postgres/postmaster.pid"));
        synchronized (running) {
            running.add(server);
        }
        String management = "http://127.0.0.1:" + managementPort;
        server.awaitHttp(management + "/actuator/health", Duration.ofMinutes(3));
        String logText = Files.readString(log);
        int postgresPort = port(POSTGRES_PORT, logText, "embedded PostgreSQL");
        int mongoPort = port(MONGO_PORT, logText, "embedded MongoDB wire server");
        log("palimpsest up on 127.0.0.1:" + port + " (PostgreSQL :" + postgresPort + ", MongoDB :" + mongoPort + ")");
        long pid = server.jvm().pid();
        PalimpsestApi api = new PalimpsestApi("http://127.0.0.1:" + port, management, PRIVATE_KEY);
        EventStore events = new EventStore(postgresPort);
        Path indexDir = dataDir.resolve("search-index");

        // 0. what Axon writes, from two API uploads (a FileCreated and a VersionAdded)
        PalimpsestApi.Uploaded probe = api.upload("/bench-probe/", "probe.bin", 4096, 1);
        api.upload("/bench-probe/", "probe.bin", 4096, 2);
        String formatCheck = events.verifyFormat(probe.fileId(), 2);
        log("format check: " + formatCheck);

        // 1. bulk load, then the rebuild
        Dataset dataset = new Dataset(options.seed(), options.files(), options.versions(), Instant.now());
        Dataset.GeneratedFile last = dataset.file(options.files() - 1);
        log("loading " + dataset.events() + " events of " + dataset.files() + " files in one transaction");
        long loadStart = System.nanoTime();
        EventStore.Loaded loaded = events.load(dataset, done -> {
            if (done % 1000 == 0) {
                log(String.format("  %,d files inserted (%.0f s)", done, (System.nanoTime() - loadStart) / 1e9));
            }
        });
        log(String.format("committed %,d events in %.1f s (%.0f events/s), global index %d..%d", loaded.events(),
                loaded.time().toNanos() / 1e9, loaded.events() / (loaded.time().toNanos() / 1e9),
                loaded.firstGlobalIndex(), loaded.lastGlobalIndex()));
        Rebuild rebuild = awaitRebuild(server, api, events, indexDir, last, loaded);
        server.awaitQuiet();
        // no forced GC here: G1 would shrink the heap and the latency phases would then run with more collections
        Memory memory = memory(pid, api, false);
        log("memory at " + dataset.events() + " versions: " + memory);
        Map<String, Long> disk = new LinkedHashMap<>();
        disk.put("event store (PostgreSQL data directory)", size(dataDir.resolve("postgres")));
        disk.put("version history (MongoDB wire server, H2 file)", size(dataDir.resolve("mongo")));
        disk.put("search index (Lucene)", size(indexDir));

        MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
        MongoCollection<Document> files = mongo.getDatabase("palimpsest").getCollection("files");
        Comparison versionList;
        List<Search> searches;
        CompilerActivity.WarmUp warmUp;
        try (RawLucene lucene = new RawLucene(indexDir)) {
            log("raw Lucene reader on " + indexDir + ": " + lucene.documents() + " documents");
            // the server at its steady state: every request below warmed until the JIT compilers are quiet
            warmUp = warmUp(api, files, lucene, dataset, pid);
            CompilerActivity compilers = new CompilerActivity(pid);
            long compilerTicks = compilers.compilerTicks();
            long timedStart = System.nanoTime();
            // 2. version list vs. raw _id read
            versionList = versionList(api, files, dataset, pid);
            // 3. five searches vs. raw Lucene
            searches = searches(api, lucene, dataset, pid);
            double compiling = compilers.shareSince(compilerTicks, (System.nanoTime() - timedStart) / 1e9);
            log(String.format("compiler threads during the timed reads: %.1f %% of a core", compiling * 100));
            warmUp = warmUp.whileTimed(compiling);
        }
        // 4. projection lag under a steady upload load
        createLagPaths(api);
        Lag lag = lag(api, options.lagSeconds(), "measured");
        server.awaitQuiet();
        // 5. nothing is timed from here on: the passes under JFR (see ProfilePass), and the lag's anatomy
        String lagProfile = JfrProfile.record(pid, logs, "lag", thread -> true,
                () -> lag(api, Math.min(10, options.lagSeconds()), "profiled, not reported"));
        server.awaitQuiet();
        Map<String, String> profiles = new HashMap<>();
        for (ProfilePass pass : profilePasses) {
            String profile = JfrProfile.record(pid, logs, pass.name(), thread -> true,
                    () -> SharedHarness.run(1, 0, pass.requests(), pass.request()));
            log(pass.name() + " profile (unmeasured pass):\n" + profile);
            profiles.put(pass.name(), profile);
        }
        versionList = versionList.withProfile(profiles.get("version-list"));
        for (int i = 0; i < searches.size(); i++) {
            searches.set(i, searches.get(i).withProfile(profiles.get("search-" + (i + 1))));
        }
        Anatomy anatomy = lagAnatomy(api, files, events, indexDir, LAG_ANATOMY_UPLOADS, pid);
        mongo.close();
        Memory memoryAtEnd = memory(pid, api, true);
        return new Results(formatCheck, loaded, rebuild, memory, disk, warmUp, versionList, searches, lag, lagProfile,
                anatomy, memoryAtEnd);
    }

    // ---- 1. rebuild ------------------------------------------------------------------------------

    private Rebuild awaitRebuild(Server server, PalimpsestApi api, EventStore events, Path indexDir,
                                 Dataset.GeneratedFile last, EventStore.Loaded loaded) throws Exception {
        String lastFile = last.fileId().value();
        String lastVersion = last.lastVersionId();
        long start = System.nanoTime();
        long deadline = start + options.rebuildTimeout().toNanos();
        Duration jvmCpuBefore = server.jvmCpuTime();
        Duration postgresCpuBefore = server.postgresCpuTime();
        long pid = server.jvm().pid();
        Duration versionHistory = null;
        Duration allSegments = null;
        Duration search = null;
        long peakRss = 0;
        long peakHeap = 0;
        long nextProgress = start;
        long nextDump = start + Duration.ofSeconds(15).toNanos();
        List<ThreadProfile.Dump> dumps = new ArrayList<>();
        StringBuilder profiles = new StringBuilder();
        long jfrFrom = start + JFR_REBUILD_FROM.toNanos();
        long jfrUntil = jfrFrom + JFR_REBUILD_WINDOW.toNanos();
        long jfrStarted = 0;
        long jfrStopped = 0;
        try (Connection connection = events.connect()) {
            while (System.nanoTime() < deadline && (versionHistory == null || allSegments == null || search == null)) {
                long now = System.nanoTime();
                if (versionHistory == null) {
                    PalimpsestApi.Answer answer = api.versions(lastFile);
                    if (answer.status() == 200) {
                        List<String> ids = answer.versionIds();
                        if (ids.size() == options.versions() && ids.contains(lastVersion)) {
                            versionHistory = Duration.ofNanos(System.nanoTime() - start);
                            log("version history has the last version after " + seconds(versionHistory));
                        }
                    }
                }
                if (allSegments == null) {
                    OptionalLong lowest = events.lowestPosition(connection, VERSION_HISTORY);
                    if (lowest.isPresent() && lowest.getAsLong() >= loaded.lastGlobalIndex()) {
                        allSegments = Duration.ofNanos(System.nanoTime() - start);
                        log("every version-history segment is past the last event after " + seconds(allSegments));
                    }
                }
                if (search == null) {
                    PalimpsestApi.Answer answer = api.search("id = \"" + lastFile + "\"", null, 1);
                    if (answer.status() == 200 && answer.versionIds().equals(List.of(lastVersion))) {
                        search = Duration.ofNanos(System.nanoTime() - start);
                        log("search index has the last version after " + seconds(search));
                    }
                }
                Memory sample = memory(pid, api, false);
                peakRss = Math.max(peakRss, sample.vmRss());
                peakHeap = Math.max(peakHeap, sample.heapUsed());
                if (now >= nextProgress) {
                    log(String.format("  rebuild %s: version-history lowest segment at %s, search index at %s of %d;"
                                    + " RSS %d MiB, heap %d MiB", seconds(Duration.ofNanos(now - start)),
                            events.lowestPosition(connection, VERSION_HISTORY),
                            RawLucene.committedToken(indexDir).map(EventStore::position).orElse(OptionalLong.empty()),
                            loaded.lastGlobalIndex(), sample.vmRss() >> 20, sample.heapUsed() >> 20));
                    nextProgress = now + Duration.ofSeconds(10).toNanos();
                }
                if (jfrStarted == 0 && now >= jfrFrom && (versionHistory == null || search == null)) {
                    JfrProfile.start(pid, logs, "rebuild");
                    jfrStarted = System.nanoTime();
                }
                if (jfrStarted != 0 && jfrStopped == 0 && (now >= jfrUntil || (versionHistory != null && search != null))) {
                    JfrProfile.stop(pid, "rebuild");
                    jfrStopped = System.nanoTime();
                }
                if (now >= nextDump && (versionHistory == null || search == null)) {
                    ThreadProfile.Dump dump = ThreadProfile.dump(pid, logs.resolve("rebuild-threads-" + dumps.size() + ".txt"));
                    if (!dumps.isEmpty()) {
                        ThreadProfile.Dump previous = dumps.get(dumps.size() - 1);
                        double window = (dump.takenAtNanos() - previous.takenAtNanos()) / 1e6;
                        profiles.append(String.format("--- window %d: %s to %s after the commit%n", dumps.size(),
                                seconds(Duration.ofNanos(previous.takenAtNanos() - start)),
                                seconds(Duration.ofNanos(dump.takenAtNanos() - start))));
                        profiles.append(ThreadProfile.describe(ThreadProfile.usage(previous, dump), window, 12));
                    }
                    dumps.add(dump);
                    nextDump = now + PROFILE_EVERY.toNanos();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        Duration window = Duration.ofNanos(System.nanoTime() - start);
        String jfr = "";
        if (jfrStarted != 0) {
            if (jfrStopped == 0) {
                JfrProfile.stop(pid, "rebuild");
                jfrStopped = System.nanoTime();
            }
            jfr = "JFR, " + seconds(Duration.ofNanos(jfrStarted - start)) + " to " + seconds(Duration.ofNanos(jfrStopped - start))
                    + " after the commit: " + JfrProfile.summary(logs, "rebuild", thread -> true) + "\n"
                    + JfrProfile.fileForces(logs.resolve("rebuild.jfr"));
            log("rebuild JFR profile:\n" + jfr);
        }
        Duration jvmCpu = server.jvmCpuTime().minus(jvmCpuBefore);
        Duration postgresCpu = server.postgresCpuTime().minus(postgresCpuBefore);
        String overall = "";
        if (dumps.size() >= 2) {
            ThreadProfile.Dump first = dumps.get(0);
            ThreadProfile.Dump lastDump = dumps.get(dumps.size() - 1);
            double span = (lastDump.takenAtNanos() - first.takenAtNanos()) / 1e6;
            overall = String.format("whole rebuild, %s to %s after the commit:%n", seconds(Duration.ofNanos(first.takenAtNanos() - start)),
                    seconds(Duration.ofNanos(lastDump.takenAtNanos() - start)))
                    + ThreadProfile.describe(ThreadProfile.usage(first, lastDump), span, 12);
        }
        Files.writeString(logs.resolve("rebuild-profile.txt"), overall + "\n" + profiles);
        log("rebuild CPU profile (also in " + logs.resolve("rebuild-profile.txt") + "):\n" + overall);
        String progress = null;
        if (versionHistory == null || search == null || allSegments == null) {
            try (Connection connection = events.connect()) {
                progress = "after " + seconds(options.rebuildTimeout()) + ": version-history lowest segment at "
                        + events.lowestPosition(connection, VERSION_HISTORY) + ", search index at "
                        + RawLucene.committedToken(indexDir).map(EventStore::position).orElse(OptionalLong.empty())
                        + " of " + loaded.lastGlobalIndex();
            }
            log("REBUILD INCOMPLETE " + progress);
        }
        return new Rebuild(versionHistory, allSegments, search, jvmCpu, postgresCpu, window, peakRss, peakHeap, overall,
                jfr, progress);
    }

    // ---- warm-up -----------------------------------------------------------------------------------

    /**
     * Rounds of every request the latency phases send (the version list and the five searches, through
     * the API and raw) until the server's JIT compilers use less than {@link #QUIET_COMPILERS} of a core
     * over two rounds in a row: C2 goes on compiling the request path for thousands of requests, on the same two
     * cores the measured requests run on.
     */
    private CompilerActivity.WarmUp warmUp(PalimpsestApi api, MongoCollection<Document> files, RawLucene lucene,
                                           Dataset dataset, long pid) throws Exception {
        Random random = new Random(options.seed() + 1);
        List<SearchSpec> specs = searchSpecs(dataset);
        int versionReads = 200;
        int searchesEach = 25;
        log("== warm-up: rounds of " + versionReads + " version lists and " + searchesEach + " of each search (API and"
                + " raw) until the server's compiler threads use < " + Math.round(QUIET_COMPILERS * 100)
                + " % of a core over two rounds in a row");
        CompilerActivity.Round round = () -> {
            for (int i = 0; i < versionReads; i++) {
                String id = dataset.file(random.nextInt(dataset.files())).fileId().value();
                api.versions(id).ok();
                Mono.from(files.find(Filters.eq("_id", id)).first()).block(Duration.ofSeconds(30));
            }
            for (SearchSpec spec : specs) {
                String sort = spec.sort() == null ? "ASC_CREATED" : spec.sort();
                for (int i = 0; i < searchesEach; i++) {
                    String query = spec.query().apply(random.nextInt(spec.variants()));
                    api.search(query, spec.sort(), options.limit()).ok();
                    lucene.search(query, sort, options.limit());
                }
            }
            return 2 * (versionReads + specs.size() * searchesEach);
        };
        CompilerActivity.WarmUp warmUp = new CompilerActivity(pid).warmUp(round, 2, 60, QUIET_COMPILERS, ReadBenchmark::log);
        log("warm-up: " + warmUp.describe());
        return warmUp;
    }

    // ---- 2. version list ---------------------------------------------------------------------------

    private Comparison versionList(PalimpsestApi api, MongoCollection<Document> files, Dataset dataset, long pid)
            throws Exception {
        int warmup = Math.max(20, options.versionReads() / 10);
        int rounds = 10;
        int perRound = Math.max(1, options.versionReads() / rounds);
        Random random = new Random(options.seed() + 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < warmup + rounds * perRound; i++) {
            ids.add(dataset.file(random.nextInt(dataset.files())).fileId().value());
        }
        log("== version list: " + warmup + " warm-up, then " + rounds + " × " + perRound
                + " requests each, alternating GET /v1/files/{id}/versions and a raw _id read, concurrency 1");
        SharedHarness.Request viaApi = i -> {
            PalimpsestApi.Answer answer = api.versions(ids.get(i)).ok();
            if (i < warmup && answer.versionIds().size() != options.versions()) {
                throw new IllegalStateException(ids.get(i) + " lists " + answer.versionIds().size() + " versions");
            }
        };
        SharedHarness.Request raw = i -> {
            Document document = Mono.from(files.find(Filters.eq("_id", ids.get(i))).first()).block(Duration.ofSeconds(30));
            if (document == null) {
                throw new IllegalStateException("no document " + ids.get(i));
            }
            if (i < warmup && document.getList("versions", Document.class).size() != options.versions()) {
                throw new IllegalStateException(ids.get(i) + " holds " + document.getList("versions", Document.class).size()
                        + " versions");
            }
        };
        requireClean("version list warm-up (API)", SharedHarness.run(1, 0, warmup, viaApi));
        requireClean("version list warm-up (raw)", SharedHarness.run(1, 0, warmup, raw));
        settle("version list", pid, viaApi, raw);
        Comparison comparison = alternate(rounds, perRound, warmup, viaApi, raw);
        log(String.format("version list: API p50 %.2f ms p99 %.2f ms | raw _id read p50 %.2f ms p99 %.2f ms",
                comparison.api().p50(), comparison.api().p99(), comparison.raw().p50(), comparison.raw().p99()));
        profilePasses.add(new ProfilePass("version-list", Math.min(ids.size(), 300), viaApi));
        return comparison;
    }

    /**
     * Right before a phase is timed: rounds of its own requests (100 through the API, 100 raw) until the
     * server's compilers are quiet again over two rounds in a row (at most 20 rounds). C2 compiles in
     * bursts, and a burst takes one of the two cores the timed requests need.
     */
    private static void settle(String phase, long pid, SharedHarness.Request api, SharedHarness.Request raw)
            throws Exception {
        int perRound = 100;
        CompilerActivity.WarmUp settled = new CompilerActivity(pid).warmUp(() -> {
            requireClean(phase + " settling (API)", SharedHarness.run(1, 0, perRound, api));
            requireClean(phase + " settling (raw)", SharedHarness.run(1, 0, perRound, raw));
            return 2 * perRound;
        }, 2, 20, QUIET_COMPILERS, line -> { });
        log(phase + " settled: " + settled.describe());
    }

    /** Rounds of {@code perRound} requests, Palimpsest then baseline, so that drift affects both alike. */
    private static Comparison alternate(int rounds, int perRound, int first, SharedHarness.Request api,
                                        SharedHarness.Request raw) throws InterruptedException {
        List<Latencies> apiParts = new ArrayList<>();
        List<Latencies> rawParts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            apiParts.add(SharedHarness.run(1, first + r * perRound, perRound, api));
            rawParts.add(SharedHarness.run(1, first + r * perRound, perRound, raw));
        }
        return new Comparison(Latencies.merge(apiParts), Latencies.merge(rawParts), "");
    }

    private static void requireClean(String what, Latencies result) {
        if (result.errors() > 0) {
            throw new IllegalStateException(what + ": " + result.errors() + " failed, first: " + result.firstError());
        }
    }

    // ---- 3. searches -----------------------------------------------------------------------------

    /** One of the five searches: a searchQuery per request index (parameters cycle through a pool) and a sort. */
    record SearchSpec(String name, IntFunction<String> query, String sort, int variants) {
    }

    List<SearchSpec> searchSpecs(Dataset dataset) {
        List<String> tags = dataset.searchTags();
        List<String> words = dataset.searchWords();
        List<java.time.LocalDate[]> months = dataset.searchMonths();
        List<long[]> sizes = dataset.searchSizes();
        List<String> folders = dataset.searchFolders();
        return List.of(
                new SearchSpec("tag", i -> "tags IN [\"" + tags.get(i % tags.size()) + "\"]", null, tags.size()),
                new SearchSpec("name HAS, by relevance", i -> "name HAS \"" + words.get(i % words.size()) + "\"",
                        "DESC_RELEVANCE", words.size()),
                new SearchSpec("createdAt range (a month)", i -> {
                    java.time.LocalDate[] month = months.get(i % months.size());
                    return "createdAt >= \"" + month[0] + "\" AND createdAt < \"" + month[1] + "\"";
                }, null, months.size()),
                new SearchSpec("size range, by size", i -> {
                    long[] range = sizes.get(i % sizes.size());
                    return "size >= " + range[0] + " AND size < " + range[1];
                }, "DESC_SIZE", sizes.size()),
                new SearchSpec("old versions in a folder subtree", i -> "type = \"file-version\" AND path : \""
                        + folders.get(i % folders.size()) + "\"", null, folders.size()));
    }

    private List<Search> searches(PalimpsestApi api, RawLucene lucene, Dataset dataset, long pid) throws Exception {
        int limit = options.limit();
        int warmup = Math.max(10, options.searches() / 10);
        int rounds = 6;
        int perRound = Math.max(1, options.searches() / rounds);
        List<Search> results = new ArrayList<>();
        for (SearchSpec spec : searchSpecs(dataset)) {
            String sort = spec.sort() == null ? "ASC_CREATED" : spec.sort();
            // the same hits, in the same order (a relevance tie may order differently: compared as sets there)
            String mismatch = null;
            for (int v = 0; v < spec.variants() && mismatch == null; v++) {
                String query = spec.query().apply(v);
                List<String> viaApi = api.search(query, spec.sort(), limit).ok().versionIds();
                List<String> raw = lucene.versionIds(query, sort, limit);
                boolean same = sort.equals("DESC_RELEVANCE")
                        ? new java.util.HashSet<>(viaApi).equals(new java.util.HashSet<>(raw)) && viaApi.size() == raw.size()
                        : viaApi.equals(raw);
                if (!same) {
                    mismatch = query + ": API " + viaApi.size() + " hits " + head(viaApi) + ", raw " + raw.size() + " hits "
                            + head(raw);
                }
            }
            String example = spec.query().apply(0);
            long matching = lucene.count(example);
            SharedHarness.Request viaApi = i -> api.search(spec.query().apply(i), spec.sort(), limit).ok();
            SharedHarness.Request raw = i -> lucene.search(spec.query().apply(i), sort, limit);
            requireClean(spec.name() + " warm-up (API)", SharedHarness.run(1, 0, warmup, viaApi));
            requireClean(spec.name() + " warm-up (raw)", SharedHarness.run(1, 0, warmup, raw));
            settle(spec.name(), pid, viaApi, raw);
            Comparison comparison = alternate(rounds, perRound, warmup, viaApi, raw);
            profilePasses.add(new ProfilePass("search-" + (results.size() + 1), 100, viaApi));
            log(String.format("search %-34s API p50 %7.2f ms p99 %7.2f ms | raw Lucene p50 %6.2f ms p99 %6.2f ms | %s%s",
                    spec.name(), comparison.api().p50(), comparison.api().p99(), comparison.raw().p50(),
                    comparison.raw().p99(), example + " matches " + matching,
                    mismatch == null ? "" : " | HITS DIFFER: " + mismatch));
            results.add(new Search(spec.name(), example, spec.sort(), matching, mismatch == null, mismatch, comparison));
        }
        return results;
    }

    private static String head(List<String> ids) {
        return ids.subList(0, Math.min(3, ids.size())).toString();
    }

    // ---- 4. projection lag -----------------------------------------------------------------------

    /** An acknowledged upload not yet seen in the list. */
    private static final class Pending {
        final PalimpsestApi.Uploaded uploaded;
        final long acknowledged;
        /** When the last poll that did not show it was sent (the version became visible after that). */
        volatile long lastMiss;

        Pending(PalimpsestApi.Uploaded uploaded, long acknowledged) {
            this.uploaded = uploaded;
            this.acknowledged = acknowledged;
            this.lastMiss = acknowledged;
        }
    }

    /**
     * Uploads on a fixed schedule (open loop, bounded in flight); one poller thread asks
     * {@code GET /v1/files} every {@link #LAG_POLL} for all files with an acknowledged upload not yet
     * listed ({@code id IN [...]}), so that measuring costs one small search per interval however many
     * uploads are pending.
     */
    private Lag lag(PalimpsestApi api, int seconds, String name) throws Exception {
        String folder = "/bench-lag/";
        AtomicLong nonces = new AtomicLong((name.hashCode() & 0xffff) * 1_000_000L + 1_000);
        int planned = options.lagRate() * seconds;
        long periodNanos = 1_000_000_000L / options.lagRate();
        log("uploading " + planned + " new versions at " + options.lagRate() + "/s (" + name + "); polling"
                + " GET /v1/files every " + LAG_POLL.toMillis() + " ms until it lists each new version");
        ConcurrentLinkedQueue<Long> uploadNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> upper = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lower = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean uploading = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(LAG_MAX_IN_FLIGHT);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        Thread poller = new Thread(() -> {
            while (uploading.get() || !pending.isEmpty()) {
                long polled = System.nanoTime();
                List<Pending> now = new ArrayList<>(pending);
                if (!now.isEmpty()) {
                    try {
                        List<String> ids = now.stream().map(p -> p.uploaded.fileId()).distinct().toList();
                        String query = "id IN [" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
                        Map<String, Integer> listed = listed(api.search(query, null, ids.size()).ok());
                        long answered = System.nanoTime();
                        polls.incrementAndGet();
                        for (Pending p : now) {
                            Integer current = listed.get(p.uploaded.fileId());
                            if (current != null && current >= p.uploaded.versionNumber()) {
                                upper.add(answered - p.acknowledged);
                                lower.add(p.lastMiss - p.acknowledged);
                                pending.remove(p);
                            } else if (answered - p.acknowledged > LAG_GIVE_UP.toNanos()) {
                                timedOut.incrementAndGet();
                                pending.remove(p);
                            } else {
                                p.lastMiss = polled;
                            }
                        }
                    } catch (Exception e) {
                        firstError.compareAndSet(null, "poll: " + e);
                    }
                }
                long sleep = LAG_POLL.toNanos() - (System.nanoTime() - polled);
                if (sleep > 0) {
                    LockSupport.parkNanos(sleep);
                }
            }
        }, "lag-poller");
        poller.start();
        long start = System.nanoTime();
        for (int i = 0; i < planned; i++) {
            int index = i;
            ticker.schedule(() -> {
                if (inFlight.get() >= LAG_MAX_IN_FLIGHT) {
                    skipped.incrementAndGet();
                    return;
                }
                inFlight.incrementAndGet();
                sent.incrementAndGet();
                workers.submit(() -> {
                    try {
                        long before = System.nanoTime();
                        PalimpsestApi.Uploaded uploaded = api.upload(folder, lagName(index % LAG_PATHS),
                                LAG_UPLOAD_BYTES, nonces.incrementAndGet());
                        long acknowledged = System.nanoTime();
                        uploadNanos.add(acknowledged - before);
                        pending.add(new Pending(uploaded, acknowledged));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        workers.shutdown();
        if (!workers.awaitTermination(90, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        uploading.set(false);
        poller.join(LAG_GIVE_UP.toMillis() + 30_000);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Lag lag = new Lag(planned, sent.get(), skipped.get(), failed.get(), timedOut.get(), wall,
                latencies(uploadNanos, 0, wall), latencies(upper, timedOut.get(), wall), latencies(lower, 0, wall),
                polls.get(), firstError.get());
        log(String.format("lag (%s): %d sent, %d skipped, %d failed, %d not visible within %s, %d polls; upload p50 %.1f ms"
                        + " p99 %.1f ms; lag p50 %.1f ms p99 %.1f ms max %.1f ms (lower bounds p50 %.1f p99 %.1f)%s", name,
                lag.sent(), lag.skipped(), lag.failedUploads(), lag.timedOut(), LAG_GIVE_UP, lag.polls(),
                lag.uploads().p50(), lag.uploads().p99(), lag.lagUpper().p50(), lag.lagUpper().p99(),
                lag.lagUpper().maxMillis(), lag.lagLower().p50(), lag.lagLower().p99(),
                lag.firstError() == null ? "" : " first error: " + lag.firstError()));
        return lag;
    }

    private void createLagPaths(PalimpsestApi api) throws Exception {
        log("== projection lag: creating " + LAG_PATHS + " paths");
        for (int p = 0; p < LAG_PATHS; p++) {
            api.upload("/bench-lag/", lagName(p), LAG_UPLOAD_BYTES, p + 1);
        }
        Thread.sleep(2000);
    }

    /** fileId → version number of the File objects in a list answer. */
    private Map<String, Integer> listed(PalimpsestApi.Answer answer) throws IOException {
        Map<String, Integer> listed = new HashMap<>();
        for (JsonNode hit : json.readTree(answer.body())) {
            String name = hit.path("versionInfo").path("name").asText("");
            if (name.startsWith("Version ")) {
                listed.put(hit.path("fileId").asText(), Integer.parseInt(name.substring(8)));
            }
        }
        return listed;
    }

    /**
     * Where the lag comes from: one upload at a time (a second apart, so nothing queues), and three
     * watchers per upload polling every 2 ms from its acknowledgement: the version-history document
     * (raw {@code _id} read: its {@code currentVersionId}), the search index's last commit (its stored
     * stream position passes the upload's event), and {@code GET /v1/files} (lists the version).
     *
     * @param versionHistory until the version-history document names the new version
     * @param indexCommit    until the search index's last commit includes the upload's event
     * @param listed         until GET /v1/files lists it
     */
    record Anatomy(int uploads, Latencies versionHistory, Latencies indexCommit, Latencies listed, String evidence) {
    }

    /** The lag anatomy under JFR, for its fsync events (the anatomy measures waits, which JFR barely slows). */
    private Anatomy lagAnatomy(PalimpsestApi api, MongoCollection<Document> files, EventStore events, Path indexDir,
                               int count, long pid) throws Exception {
        JfrProfile.start(pid, logs, "lag-anatomy");
        Anatomy anatomy;
        try {
            anatomy = lagAnatomy(api, files, events, indexDir, count);
        } finally {
            JfrProfile.stop(pid, "lag-anatomy");
        }
        String fsyncs = JfrProfile.fileForces(logs.resolve("lag-anatomy.jfr"));
        fsyncs = fsyncs + "\n" + JfrProfile.parks(logs.resolve("lag-anatomy.jfr"), PIPELINE);
        log("during the lag anatomy:\n" + fsyncs);
        return new Anatomy(anatomy.uploads(), anatomy.versionHistory(), anatomy.indexCommit(), anatomy.listed(), fsyncs);
    }

    private Anatomy lagAnatomy(PalimpsestApi api, MongoCollection<Document> files, EventStore events, Path indexDir,
                               int count) throws Exception {
        log("== lag anatomy: " + count + " uploads one at a time, a second apart");
        List<Long> versionHistory = new ArrayList<>();
        List<Long> indexCommit = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        ExecutorService watchers = Executors.newFixedThreadPool(3);
        long deadline = LAG_GIVE_UP.toNanos();
        try (Connection connection = events.connect();
             java.sql.PreparedStatement position = connection.prepareStatement(
                     "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            for (int i = 0; i < count; i++) {
                long next = System.nanoTime() + 1_000_000_000L;
                PalimpsestApi.Uploaded uploaded = api.upload("/bench-lag/", lagName(i % LAG_PATHS), LAG_UPLOAD_BYTES,
                        9_000_000L + i);
                long acknowledged = System.nanoTime();
                java.util.concurrent.Future<Long> vh = watchers.submit(() -> until(acknowledged, deadline, () -> {
                    Document document = Mono.from(files.find(Filters.eq("_id", uploaded.fileId())).first())
                            .block(Duration.ofSeconds(10));
                    return document != null && uploaded.versionId().equals(document.getString("currentVersionId"));
                }));
                java.util.concurrent.Future<Long> list = watchers.submit(() -> until(acknowledged, deadline, () -> {
                    Map<String, Integer> seen = listed(api.search("id = \"" + uploaded.fileId() + "\"", null, 1).ok());
                    Integer number = seen.get(uploaded.fileId());
                    return number != null && number >= uploaded.versionNumber();
                }));
                position.setString(1, uploaded.fileId());
                long globalIndex;
                try (java.sql.ResultSet row = position.executeQuery()) {
                    row.next();
                    globalIndex = row.getLong(1);
                }
                java.util.concurrent.Future<Long> commit = watchers.submit(() -> until(acknowledged, deadline,
                        () -> RawLucene.committedToken(indexDir).map(EventStore::position)
                                .map(p -> p.isPresent() && p.getAsLong() >= globalIndex).orElse(false)));
                add(versionHistory, vh.get());
                add(listed, list.get());
                add(indexCommit, commit.get());
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
        } finally {
            watchers.shutdownNow();
        }
        Anatomy anatomy = new Anatomy(count, latencies(versionHistory), latencies(indexCommit), latencies(listed), "");
        log(String.format("lag anatomy: version history p50 %.0f ms max %.0f ms | index commit p50 %.0f ms max %.0f ms |"
                        + " listed p50 %.0f ms max %.0f ms", anatomy.versionHistory().p50(), anatomy.versionHistory().maxMillis(),
                anatomy.indexCommit().p50(), anatomy.indexCommit().maxMillis(), anatomy.listed().p50(),
                anatomy.listed().maxMillis()));
        return anatomy;
    }

    /** The threads that carry an event from the event store into the read models. */
    static final Pattern PIPELINE = Pattern.compile(
            "EmbeddedEventStore-\\d+|Coordinator\\[(search-index|version-history)]-\\d+|WorkPackage\\[(search-index|version-history)]-\\d+");

    @FunctionalInterface
    private interface Check {
        boolean done() throws Exception;
    }

    /** Nanoseconds from {@code since} until {@code check} holds (polled every 2 ms), or -1 after {@code maxNanos}. */
    private static long until(long since, long maxNanos, Check check) throws Exception {
        while (System.nanoTime() - since < maxNanos) {
            if (check.done()) {
                return System.nanoTime() - since;
            }
            Thread.sleep(2);
        }
        return -1;
    }

    private static void add(List<Long> into, long nanos) {
        if (nanos >= 0) {
            into.add(nanos);
        }
    }

    private static Latencies latencies(List<Long> nanos) {
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray(), 0, null, Duration.ZERO);
    }

    private static String lagName(int path) {
        return String.format("lag-%02d.bin", path);
    }

    private static Latencies latencies(ConcurrentLinkedQueue<Long> nanos, int errors, Duration wall) {
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray(), errors, null, wall);
    }

    // ---- 5. memory -------------------------------------------------------------------------------

    private Memory memory(long pid, PalimpsestApi api, boolean afterFullGc) throws Exception {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) * 1024;
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line) * 1024;
            }
        }
        long heap = api.heapUsed();
        long afterGc = -1;
        if (afterFullGc) {
            Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(120, TimeUnit.SECONDS);
            afterGc = api.heapUsed();
        }
        return new Memory(rss, hwm, heap, afterGc);
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static int port(Pattern pattern, String logText, String what) {
        Matcher matcher = pattern.matcher(logText);
        if (!matcher.find()) {
            throw new IllegalStateException("the log does not say where the " + what + " listens");
        }
        return Integer.parseInt(matcher.group(1) != null ? matcher.group(1)
                : matcher.group(matcher.groupCount()));
    }

    private static long size(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toNanos() / 1e9);
    }

    private void stopAll() {
        List<Server> all;
        synchronized (running) {
            all = new ArrayList<>(running);
            running.clear();
        }
        all.forEach(Server::close);
    }

    static void log(String line) {
        System.out.println("[read-bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

}
