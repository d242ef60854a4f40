package io.palimpsest.bench.upload;

import io.palimpsest.bench.report.BenchmarkRun;
import io.palimpsest.bench.report.CompilerActivity;
import io.palimpsest.bench.report.MarkdownSections;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.http.HttpUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The upload benchmark (bench/upload.sh): uploads that add a new version to an existing path, against
 * Palimpsest and, in the same run, against what it is compared with:
 * <ol>
 *   <li>standalone Palimpsest (local blob store) vs. a bare WebFlux endpoint that only streams the same
 *       multipart body to a file and fsyncs it;</li>
 *   <li>Palimpsest storing bytes in S3 vs. a raw PutObject of the same bytes to the same S3Proxy;</li>
 *   <li>Palimpsest's heap with {@code -Xmx256m} for 16 KiB uploads vs. one 256 MiB and one 1 GiB upload.</li>
 * </ol>
 * Beside the first part it times the durability steps a standalone upload takes and the bare endpoint
 * does not, each alone ({@link DurabilityFloor}): the floor under the first part's ratios.
 * Everything runs on loopback; each server is a child process with its own temporary data directory
 * and free ports, and is stopped (with its embedded PostgreSQL) however the run ends. The results
 * replace the upload section of docs/benchmarks.md.
 *
 * <p>Options: {@code --jar=} (the standalone jar), {@code --output=} (the markdown file),
 * {@code --scale=} (multiplies every request count; below 1 for a quick try), {@code --large-mib=256,1024},
 * {@code --max-minutes=120} (the whole run is stopped after that).
 */
public final class UploadBenchmark {

    static final int KIB = 1024;
    static final int MIB = 1024 * 1024;
    static final String PRIVATE_KEY = "private_bench_upload";
    static final String S3_ACCESS_KEY = "bench-access";
    static final String S3_SECRET_KEY = "bench-secret-key";
    static final int SERVICE_HEAP_MIB = 256;
    /** Each path gets at most this many versions in a cell; Palimpsest refuses more than 100. */
    static final int VERSIONS_PER_PATH = 50;
    /** Warm-up ends once the target's compiler threads use less than this share of a core over a round. */
    static final double QUIET_COMPILERS = 0.05;
    /**
     * At most this many warm-up rounds (26,400 uploads). Palimpsest's compilers stay at 30-45 % of a core
     * for about 20,000 uploads, then fall to 10-20 %; twelve rounds left them busy in every measured cell.
     */
    static final int MAX_WARM_UP_ROUNDS = 60;
    private static final Duration QUIET_WAIT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("\"name\"\\s*:\\s*\"Version (\\d+)\"");

    /** One cell of the result tables: every target gets the same warm-up and the same measured requests. */
    record Cell(String group, int size, int concurrency, int warmup, int requests) {

        String id() {
            return sizeLabel(size).replace(" ", "").toLowerCase() + "-c" + concurrency;
        }

        /** Enough paths that none reaches Palimpsest's version limit. */
        int paths() {
            return Math.max(8, (warmup + requests + VERSIONS_PER_PATH - 1) / VERSIONS_PER_PATH);
        }

        String folder() {
            return "/bench/" + group + "/" + id();
        }

        String fileName(int index) {
            return "file-" + (index % paths()) + ".bin";
        }
    }

    /** Where CPU time is counted: the server under test, its PostgreSQL, S3Proxy, the load client. */
    enum Cpu { SERVICE, POSTGRES, S3PROXY, CLIENT }

    /** One target's result in one cell, with the CPU milliseconds each part used per measured request. */
    record Row(String target, Cell cell, LoadRunner.Result result, Map<Cpu, Double> cpuMillis) {

        double cpu(Cpu part) {
            return cpuMillis.getOrDefault(part, 0.0);
        }
    }

    /** One line of the heap table. */
    /** @param error why the upload failed, or null */
    record HeapRow(String upload, int requests, long bytesEach, Duration time, HeapProbe.Heap heap, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final AtomicLong nonces = new AtomicLong(System.currentTimeMillis() << 16);
    private final Map<Integer, UploadBodies> bodies = new HashMap<>();
    private final List<ChildProcess> running = new ArrayList<>();
    private final Path jar;
    private final Path work;
    private final Path logs;
    private final double scale;
    /** How each target's warm-up went, by target name, for the report. */
    private final Map<String, CompilerActivity.WarmUp> warmUps = new LinkedHashMap<>();
    /** What the durability steps cost by themselves, measured beside standalone Palimpsest. */
    private List<DurabilityFloor.Step> floor = List.of();
    private final List<Long> largeSizes;

    private UploadBenchmark(Path jar, Path work, Path logs, double scale, List<Long> largeSizes) {
        this.jar = jar;
        this.work = work;
        this.logs = logs;
        this.scale = scale;
        this.largeSizes = largeSizes;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Path jar = Path.of(options.getOrDefault("jar", "deploy/standalone/target/palimpsest-standalone.jar"));
        Path output = Path.of(options.getOrDefault("output", "docs/benchmarks.md"));
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        List<Long> large = Stream.of(options.getOrDefault("large-mib", "256,1024").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> Long.parseLong(s) * MIB).toList();
        Duration maxRun = Duration.ofMinutes(Long.parseLong(options.getOrDefault("max-minutes", "120")));
        BenchmarkRun.requireJar(jar);
        Path logs = Files.createDirectories(Path.of("bench/target/upload-logs"));
        BenchmarkRun.runAndExit("palimpsest-bench-", maxRun, output, Report::writeSection, work -> {
            UploadBenchmark benchmark = new UploadBenchmark(jar, work, logs, scale, large);
            return BenchmarkRun.Benchmark.of(started -> {
                String revision = MarkdownSections.revision();
                List<Row> local = benchmark.standaloneVersusBare();
                List<Row> s3 = benchmark.s3VersusRawPut();
                List<HeapRow> heap = benchmark.heap();
                String command = System.getProperty("bench.command", "bench/upload.sh");
                return new Report(started, command, scale, work, revision)
                        .render(local, s3, heap, benchmark.warmUps, benchmark.floor);
            }, benchmark::stopAll);
        });
    }

    // ---- the three parts -------------------------------------------------------------------------

    List<Cell> cells() {
        return List.of(
                cell(16 * KIB, 1, 50, 500),
                cell(16 * KIB, 8, 200, 2000),
                cell(MIB, 1, 30, 300),
                cell(MIB, 8, 100, 800));
    }

    private Cell cell(int size, int concurrency, int warmup, int requests) {
        return new Cell("run", size, concurrency, Math.max(1, (int) (warmup * scale)), Math.max(10, (int) (requests * scale)));
    }

    private List<Row> standaloneVersusBare() throws Exception {
        log("== standalone Palimpsest (local blob store) vs. bare endpoint");
        Service bare = startBare();
        Service palimpsest = startPalimpsest("palimpsest-local", List.of(), Map.of());
        List<Target> targets = List.of(
                new HttpTarget("bare endpoint", bare.base() + "/upload", false, List.of(bare.process())),
                new HttpTarget("Palimpsest", palimpsest.base() + "/api/v1/files/upload", true,
                        List.of(palimpsest.process())));
        List<Row> rows = run(targets);
        log("measuring the durability steps alone, beside the idle servers");
        floor = DurabilityFloor.measure(work.resolve("palimpsest-local"), work, Math.max(50, (int) (1000 * scale)));
        floor.forEach(step -> log(String.format("%-60s p50 %6.2f ms  p99 %6.2f ms", step.name(), step.p50(), step.p99())));
        stop(palimpsest.process());
        stop(bare.process());
        return rows;
    }

    private List<Row> s3VersusRawPut() throws Exception {
        log("== Palimpsest on S3 vs. raw PutObject, both to the same S3Proxy");
        int s3Port = ChildProcess.freePort();
        ChildProcess s3proxy = startChild(ChildProcess.start("s3proxy", benchJvm(),
                List.of("io.palimpsest.bench.s3.S3ProxyServer", String.valueOf(s3Port),
                        work.resolve("s3").toString(), S3_ACCESS_KEY, S3_SECRET_KEY),
                Map.of(), logs.resolve("s3proxy.log"), null));
        s3proxy.awaitLog("S3Proxy listening", Duration.ofSeconds(60));
        String endpoint = "http://127.0.0.1:" + s3Port;
        Service palimpsest = startPalimpsest("palimpsest-s3", List.of(), Map.of(
                "PALIMPSEST_STORAGE_S3_ENDPOINT", endpoint,
                "PALIMPSEST_STORAGE_S3_ACCESSKEY", S3_ACCESS_KEY,
                "PALIMPSEST_STORAGE_S3_SECRETKEY", S3_SECRET_KEY,
                "PALIMPSEST_STORAGE_S3_BUCKET", "palimpsest"));
        RawPutTarget raw = new RawPutTarget(endpoint, List.of(s3proxy));
        try {
            List<Target> targets = List.of(raw,
                    new HttpTarget("Palimpsest on S3", palimpsest.base() + "/api/v1/files/upload", true,
                            List.of(palimpsest.process(), s3proxy)));
            return run(targets);
        } finally {
            raw.close();
            stop(palimpsest.process());
            stop(s3proxy);
        }
    }

    /** Warms every target up, then runs each cell against each target in turn. */
    private List<Row> run(List<Target> targets) throws Exception {
        for (Target target : targets) {
            warmUp(target, scale < 1 ? 3 : MAX_WARM_UP_ROUNDS);
        }
        List<Row> rows = new ArrayList<>();
        for (Cell cell : cells()) {
            for (Target target : targets) {
                Row row = measure(target, cell);
                rows.add(row);
                log(String.format("%-18s %-10s p50 %8.2f ms  p99 %8.2f ms  %8.1f req/s  CPU ms/req: service %6.2f"
                                + "  postgres %6.2f  s3proxy %6.2f  client %6.2f  errors %d%s",
                        target.name(), cell.id(), row.result().p50(), row.result().p99(), row.result().throughput(),
                        row.cpu(Cpu.SERVICE), row.cpu(Cpu.POSTGRES), row.cpu(Cpu.S3PROXY), row.cpu(Cpu.CLIENT),
                        row.result().errors(),
                        row.result().firstError() == null ? "" : " (" + row.result().firstError() + ")"));
            }
        }
        return rows;
    }

    /**
     * JIT and connection pools first, measured nowhere: rounds of many small and some larger uploads (each
     * round onto paths of its own) until the target's JVMs' compiler threads use less than
     * {@link #QUIET_COMPILERS} of a core over a round. C2 goes on compiling Palimpsest's upload path for
     * thousands of uploads, on the same two cores the measured uploads run on.
     */
    private void warmUp(Target target, int maxRounds) throws Exception {
        long[] jvms = target.servers().stream().mapToLong(server -> server.jvm().pid()).toArray();
        AtomicInteger rounds = new AtomicInteger();
        CompilerActivity.Round round = () -> {
            int sent = 0;
            String group = "warmup-" + rounds.incrementAndGet();
            for (Cell warmup : List.of(new Cell(group, 16 * KIB, 8, (int) Math.max(50, 400 * scale), 0),
                    new Cell(group, MIB, 4, (int) Math.max(10, 40 * scale), 0))) {
                target.prepare(warmup);
                LoadRunner.Result result = LoadRunner.run(warmup.concurrency(), 0, warmup.warmup(),
                        i -> target.send(warmup, i));
                if (result.succeeded() == 0) {
                    throw new IllegalStateException(target.name() + " failed every warm-up request: "
                            + result.firstError());
                }
                sent += warmup.warmup();
            }
            return sent;
        };
        log("warming " + target.name() + " up until its compiler threads use < " + Math.round(QUIET_COMPILERS * 100)
                + " % of a core over a round");
        CompilerActivity.WarmUp warmUp = new CompilerActivity(jvms).warmUp(round, 1, maxRounds,
                QUIET_COMPILERS, UploadBenchmark::log);
        log(target.name() + " warm-up: " + warmUp.describe());
        if (maxRounds > 1) {
            warmUps.put(target.name(), warmUp);
        }
        quiet(target.servers());
    }

    private Row measure(Target target, Cell cell) throws Exception {
        target.prepare(cell);
        LoadRunner.run(cell.concurrency(), 0, cell.warmup(), i -> target.send(cell, i));
        quiet(target.servers());
        Map<Cpu, Duration> before = cpuByPart(target.servers());
        Duration clientBefore = clientCpu();
        LoadRunner.Result result = LoadRunner.run(cell.concurrency(), cell.warmup(), cell.requests(),
                i -> target.send(cell, i));
        Duration client = clientCpu().minus(clientBefore);
        // the server's work is done once it is quiet again: Palimpsest's projections run after the answer
        quiet(target.servers());
        Map<Cpu, Duration> after = cpuByPart(target.servers());
        if (result.succeeded() == 0) {
            throw new IllegalStateException(target.name() + " failed every request of " + cell.id() + ": "
                    + result.firstError());
        }
        Map<Cpu, Double> perRequest = new EnumMap<>(Cpu.class);
        after.forEach((part, total) -> perRequest.put(part, total.minus(before.get(part)).toNanos() / 1e6 / cell.requests()));
        perRequest.put(Cpu.CLIENT, client.toNanos() / 1e6 / cell.requests());
        return new Row(target.name(), cell, result, perRequest);
    }

    private static Map<Cpu, Duration> cpuByPart(List<ChildProcess> servers) {
        Map<Cpu, Duration> cpu = new EnumMap<>(Cpu.class);
        for (ChildProcess server : servers) {
            Cpu part = server.name().equals("s3proxy") ? Cpu.S3PROXY : Cpu.SERVICE;
            cpu.merge(part, server.jvmCpuTime(), Duration::plus);
            cpu.merge(Cpu.POSTGRES, server.postgresCpuTime(), Duration::plus);
        }
        return cpu;
    }

    /**
     * Palimpsest with -Xmx256m: heap while uploading 16 KiB files, then one upload of each large size,
     * each a new version of an existing path, generated while it is sent.
     */
    private List<HeapRow> heap() throws Exception {
        log("== Palimpsest heap with -Xmx" + SERVICE_HEAP_MIB + "m");
        Path gcLog = work.resolve("gc-heap.log");
        Service palimpsest = startPalimpsest("palimpsest-heap",
                List.of("-Xmx" + SERVICE_HEAP_MIB + "m", "-Xlog:gc:file=" + gcLog), Map.of());
        HttpTarget target = new HttpTarget("Palimpsest", palimpsest.base() + "/api/v1/files/upload", true,
                List.of(palimpsest.process()));
        List<HeapRow> rows = new ArrayList<>();
        try {
            warmUp(target, 1); // JIT and pools: the heap is measured, not the speed
            Cell small = new Cell("heap", 16 * KIB, 1, 0, Math.max(10, (int) (300 * scale)));
            target.prepare(small);
            HeapProbe probe = HeapProbe.start(palimpsest.management(), gcLog);
            long start = System.nanoTime();
            LoadRunner.Result result = LoadRunner.run(1, 0, small.requests(), i -> target.send(small, i));
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            rows.add(new HeapRow("16 KiB", result.succeeded(), small.size(), time, probe.finish(),
                    result.errors() == 0 ? null : result.errors() + " failed: " + result.firstError()));
            log("heap " + rows.get(rows.size() - 1));
            quiet(target.servers());

            Cell large = new Cell("heap-large", 16 * KIB, 1, 0, 1);
            target.prepare(large);
            for (long size : largeSizes) {
                probe = HeapProbe.start(palimpsest.management(), gcLog);
                start = System.nanoTime();
                String error = null;
                try {
                    target.sendGenerated(large, size);
                } catch (IOException | RuntimeException e) {
                    error = e.toString();
                }
                time = Duration.ofNanos(System.nanoTime() - start);
                rows.add(new HeapRow(sizeLabel(size), error == null ? 1 : 0, size, time, probe.finish(), error));
                log("heap " + rows.get(rows.size() - 1));
                quiet(target.servers());
            }
            Files.copy(gcLog, logs.resolve("gc-heap.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            stop(palimpsest.process());
        }
        return rows;
    }

    // ---- targets ---------------------------------------------------------------------------------

    /** Something uploads are sent to, and the server processes whose CPU time they cost. */
    interface Target {
        String name();

        List<ChildProcess> servers();

        /** Creates the cell's paths where the target has paths, so that every measured upload is a new version. */
        void prepare(Cell cell) throws Exception;

        void send(Cell cell, int index) throws Exception;
    }

    /** Palimpsest's upload API or the bare endpoint: the same multipart bodies through the same client. */
    final class HttpTarget implements Target {

        private final String name;
        private final URI uri;
        private final boolean palimpsest;
        private final List<ChildProcess> servers;

        HttpTarget(String name, String uri, boolean palimpsest, List<ChildProcess> servers) {
            this.name = name;
            this.uri = URI.create(uri);
            this.palimpsest = palimpsest;
            this.servers = servers;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ChildProcess> servers() {
            return servers;
        }

        @Override
        public void prepare(Cell cell) throws Exception {
            if (!palimpsest) {
                return;
            }
            for (int i = 0; i < cell.paths(); i++) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        post(bodies(cell.size()).multipart(cell.folder(), cell.fileName(i), nonces.incrementAndGet()),
                                Duration.ofMinutes(1));
                        break;
                    } catch (IOException | RuntimeException e) {
                        if (attempt == 10) {
                            throw e;
                        }
                    }
                }
            }
        }

        @Override
        public void send(Cell cell, int index) throws Exception {
            int version = post(bodies(cell.size()).multipart(cell.folder(), cell.fileName(index), nonces.incrementAndGet()),
                    Duration.ofMinutes(1));
            if (palimpsest && version < 2) {
                throw new IllegalStateException("the upload created a file instead of adding a version");
            }
        }

        void sendGenerated(Cell cell, long size) throws Exception {
            int version = post(UploadBodies.generatedMultipart(cell.folder(), cell.fileName(0), size,
                    nonces.incrementAndGet()), Duration.ofMinutes(30));
            if (version < 2) {
                throw new IllegalStateException("the upload created a file instead of adding a version");
            }
        }

        /** The version number Palimpsest answered with (0 for the bare endpoint). */
        private int post(BodyPublisher body, Duration timeout) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", UploadBodies.CONTENT_TYPE)
                    .POST(body);
            if (palimpsest) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((PRIVATE_KEY + ":").getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Refused("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
            if (!palimpsest) {
                return 0;
            }
            Matcher version = VERSION.matcher(response.body());
            if (!version.find()) {
                throw new IllegalStateException(name + " answered without a version: " + abbreviate(response.body()));
            }
            return Integer.parseInt(version.group(1));
        }
    }

    /** An answer other than 200; its text is the status and the start of the body (the server log has the cause). */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /**
     * Baseline 2: PutObject of the same bytes with the MinIO client, built the way Palimpsest's
     * S3BlobStore builds it (MinIO's default OkHttp client, Nagle's algorithm off).
     */
    final class RawPutTarget implements Target, AutoCloseable {

        static final String BUCKET = "raw-put";
        private final OkHttpClient okHttp;
        private final MinioClient client;
        private final List<ChildProcess> servers;

        RawPutTarget(String endpoint, List<ChildProcess> servers) throws Exception {
            long timeout = TimeUnit.MINUTES.toMillis(5);
            this.okHttp = HttpUtils.newDefaultHttpClient(timeout, timeout, timeout).newBuilder()
                    .socketFactory(new NoDelaySocketFactory())
                    .build();
            this.client = MinioClient.builder().endpoint(endpoint).httpClient(okHttp, false)
                    .credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
            this.servers = servers;
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
        }

        @Override
        public String name() {
            return "raw PutObject";
        }

        @Override
        public List<ChildProcess> servers() {
            return servers;
        }

        @Override
        public void prepare(Cell cell) {
            // keys are new on every put, like Palimpsest's content-addressed keys for new content
        }

        @Override
        public void send(Cell cell, int index) throws Exception {
            long nonce = nonces.incrementAndGet();
            UploadBodies content = bodies(cell.size());
            client.putObject(PutObjectArgs.builder()
                    .bucket(BUCKET)
                    .object("blobs/" + Long.toHexString(nonce))
                    .stream(content.content(nonce), content.size(), -1)
                    .contentType("application/octet-stream")
                    .build());
        }

        @Override
        public void close() {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    // ---- servers ---------------------------------------------------------------------------------

    /** A started server: its process and where it answers. */
    record Service(ChildProcess process, String base, String management) {
    }

    private Service startPalimpsest(String name, List<String> jvmArgs, Map<String, String> extraEnv) throws Exception {
        int port = ChildProcess.freePort();
        int managementPort = ChildProcess.freePort();
        Path dataDir = Files.createDirectories(work.resolve(name));
        Map<String, String> env = SharedHarness.palimpsestEnvironment(port, managementPort, dataDir, PRIVATE_KEY);
        env.putAll(extraEnv);
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-jar");
        args.add(jar.toAbsolutePath().toString());
        ChildProcess process = startChild(ChildProcess.start(name, args, List.of(), env,
                logs.resolve(name + ".log"), dataDir.resolve("postgres/postmaster.pid")));
        String management = "http://127.0.0.1:" + managementPort;
        process.awaitHttp(management + "/actuator/health", Duration.ofMinutes(3));
        log(name + " up on 127.0.0.1:" + port);
        return new Service(process, "http://127.0.0.1:" + port, management);
    }

    private Service startBare() throws Exception {
        int port = ChildProcess.freePort();
        ChildProcess process = startChild(ChildProcess.start("bare-endpoint", benchJvm(),
                List.of("io.palimpsest.bench.bare.BareUploadApplication", "--server.port=" + port,
                        "--bench.dir=" + work.resolve("bare")),
                Map.of(), logs.resolve("bare-endpoint.log"), null));
        String base = "http://127.0.0.1:" + port;
        process.awaitHttp(base + "/ready", Duration.ofMinutes(1));
        log("bare endpoint up on 127.0.0.1:" + port);
        return new Service(process, base, null);
    }

    /** The JVM arguments that run a class of this module: the harness's own class path. */
    private static List<String> benchJvm() {
        return List.of("-cp", System.getProperty("java.class.path"));
    }

    private ChildProcess startChild(ChildProcess process) {
        synchronized (running) {
            running.add(process);
        }
        return process;
    }

    private void stop(ChildProcess process) {
        process.close();
        synchronized (running) {
            running.remove(process);
        }
    }

    private void stopAll() {
        List<ChildProcess> all;
        synchronized (running) {
            all = new ArrayList<>(running);
            running.clear();
        }
        all.forEach(ChildProcess::close);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private UploadBodies bodies(int size) {
        synchronized (bodies) {
            return bodies.computeIfAbsent(size, UploadBodies::new);
        }
    }

    /**
     * Waits until the servers use less than 5 % of a core over half a second (at most 30 s), so that
     * one measurement's leftovers (Palimpsest's projections, for instance) do not slow the next.
     */
    private static void quiet(List<ChildProcess> servers) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        Duration before = cpu(servers);
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Duration now = cpu(servers);
            if (now.minus(before).toMillis() < 25) {
                return;
            }
            before = now;
        }
        log("(servers still busy after " + QUIET_WAIT.toSeconds() + " s; going on)");
    }

    private static Duration cpu(List<ChildProcess> servers) {
        return servers.stream().map(ChildProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration clientCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static String sizeLabel(long size) {
        if (size >= 1024L * MIB && size % (1024L * MIB) == 0) {
            return size / (1024L * MIB) + " GiB";
        }
        if (size >= MIB && size % MIB == 0) {
            return size / MIB + " MiB";
        }
        return size / KIB + " KiB";
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }

}
