package io.palimpsest.bench.folders;

import io.palimpsest.bench.folders.FolderBenchmark.Baseline;
import io.palimpsest.bench.folders.FolderBenchmark.JobRun;
import io.palimpsest.bench.folders.FolderBenchmark.Kind;
import io.palimpsest.bench.folders.FolderBenchmark.Options;
import io.palimpsest.bench.folders.FolderBenchmark.Results;
import io.palimpsest.bench.folders.FolderBenchmark.Seeding;
import io.palimpsest.bench.report.MarkdownSections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The folder job section of docs/benchmarks.md; writing it leaves the other sections untouched. */
final class FolderReport {

    static final String BEGIN = "<!-- begin: folder job benchmark (bench/folders.sh writes this section) -->";
    static final String END = "<!-- end: folder job benchmark -->";
    static final double FILES_PER_SECOND = 500;
    /** Flat: the large folder's heap exceeds the small one's by at most this share of -Xmx. */
    static final double HEAP_SLACK = 0.10;

    private final ZonedDateTime date;
    private final Options options;
    private final Path workDirectory;
    private final String revision;

    FolderReport(ZonedDateTime date, Options options, Path workDirectory) {
        this.date = date;
        this.options = options;
        this.workDirectory = workDirectory;
        this.revision = MarkdownSections.revision();
    }

    String render(Results results) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append("\n");
        md.append("## Folder jobs\n\n");
        md.append("""
                A folder of %,d files (%d versions each, all directly in the folder) copied and moved as a
                background job: `POST /v1/bulkJobs/copyFolder` (`includeVersions` false, then true) and
                `POST /v1/bulkJobs/moveFolder`, each into its own destination. *Files/s* is the folder's files
                divided by the time from sending the request until `GET /v1/bulkJobs/{jobId}` (asked every
                %d ms) first answers `Completed`. Each result is then checked through the list API
                (`GET /v1/files?path=…`, `type=file` and `type=file-version`, pages of 1000): every file at the
                destination, with its older versions when they were taken, and the source emptied by the move
                or left whole by the copies. Every job also runs on a folder of a tenth the size, with the
                server's heap watched, to show whether memory grows with the folder.
                **Baseline**, same run: the same number of files copied one request each through
                `POST /v1/files/copy` by a client with %d connections (closed loop), which is what a client
                without folder jobs would do.

                """.formatted(options.files(), options.versions(), 50, options.concurrency()));
        md.append("* **Date:** ").append(date.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n");
        md.append("* **Command:** `").append(options.command()).append("` (from the repository root; it builds what it")
                .append(" needs with `mvn -B -q -DskipTests package`, then runs `io.palimpsest.bench.folders.FolderBenchmark`;")
                .append(" logs and the GC log in `bench/target/folder-logs/`)");
        if (options.files() != 10_000) {
            md.append(" — **").append(options.files()).append(" files, a trial run**");
        }
        md.append("\n");
        md.append("* **Machine:** ").append(MarkdownSections.machine(workDirectory)).append("\n");
        md.append("* **Built from:** ").append(revision).append("\n");
        md.append("""
                * **Setup:** `palimpsest-standalone.jar` as a child process with `-Xmx%s -Xlog:gc`, a fresh
                  temporary data directory and free loopback ports (embedded PostgreSQL with fsync and
                  synchronous commit on, MongoDB wire server, Lucene index; all three projections running as
                  they do in production and sharing the 2 cores with the job). Files seeded through the upload
                  API (%d bytes of new content per version, %d connections). Before each job the server is
                  left until idle. Client: Java 17 `HttpClient`, HTTP/1.1, HTTP Basic with the private key.
                * **CPU columns:** CPU time of the server's JVM and of its PostgreSQL from the request until
                  Completed, per file. Projections still catching up after that are not included.
                * **Heap:** *peak* is the larger of `jvm.memory.used{area=heap}` sampled every 50 ms from the
                  actuator and the heap before each collection in the GC log; *after GC* is the largest heap
                  the GC log shows after a collection during the job (what was still reachable).

                """.formatted(options.xmx(), options.uploadBytes(), options.concurrency()));
        md.append("### Targets\n\n| target | measured | result |\n|---|---|---|\n");
        int large = options.files();
        int small = options.sizes().get(0);
        for (Kind kind : Kind.values()) {
            find(results, kind, large).ifPresent(run -> md.append("| ").append(kind.label).append(": ≥ ")
                    .append((int) FILES_PER_SECOND).append(" files/s at ").append(String.format(Locale.ROOT, "%,d", large))
                    .append(" files, result verified | ").append(rate(run.filesPerSecond())).append(" files/s")
                    .append(run.verified() ? "" : "; **result not as expected**").append(" | ")
                    .append(verdict(run.verified() && run.filesPerSecond() >= FILES_PER_SECOND)).append(" |\n"));
        }
        long slack = (long) (HEAP_SLACK * xmxBytes(options.xmx()));
        for (Kind kind : Kind.values()) {
            Optional<JobRun> big = find(results, kind, large);
            Optional<JobRun> little = find(results, kind, small);
            if (big.isPresent() && little.isPresent()) {
                HeapFigures b = new HeapFigures(big.get());
                HeapFigures l = new HeapFigures(little.get());
                boolean flat = b.peak <= l.peak + slack && (b.afterGc < 0 || l.afterGc < 0 || b.afterGc <= l.afterGc + slack);
                md.append("| ").append(kind.label).append(": heap flat in the folder size, ")
                        .append(String.format(Locale.ROOT, "%,d vs. %,d", large, small))
                        .append(" files (at most +").append((int) (HEAP_SLACK * 100)).append(" % of -Xmx) | peak ")
                        .append(mib(b.peak)).append(" vs. ").append(mib(l.peak)).append("; after GC ")
                        .append(mib(b.afterGc)).append(" vs. ").append(mib(l.afterGc)).append(" | ")
                        .append(verdict(flat)).append(" |\n");
            }
        }
        md.append("\n### Jobs\n\n");
        md.append("| job | files | time | files/s | CPU/file: JVM | PostgreSQL | peak heap | max heap after GC | collections "
                + "| listed at destination (files + older versions) | left at source | listed after | verified |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JobRun run : results.jobs()) {
            md.append("| ").append(run.kind().label)
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.files()))
                    .append(" | ").append(seconds(run.time()))
                    .append(" | ").append(rate(run.filesPerSecond()))
                    .append(" | ").append(ms(run.jvmCpu().toNanos() / 1e6 / run.files()))
                    .append(" | ").append(ms(run.postgresCpu().toNanos() / 1e6 / run.files()))
                    .append(" | ").append(mib(run.heap().peak()))
                    .append(" | ").append(run.heap().collections() == 0 ? "–" : mib(run.heap().afterGc()))
                    .append(" | ").append(run.heap().collections())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d + %,d", run.atDestination().files(),
                            run.atDestination().olderVersions()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.leftAtSource().files()))
                    .append(" | ").append(run.visibleAfter() == null ? "not within 2 min" : seconds(run.visibleAfter()))
                    .append(" | ").append(run.verified() ? "yes" : "**no**" + (run.error() == null ? "" : ": " + run.error()))
                    .append(" |\n");
        }
        Baseline baseline = results.baseline();
        if (baseline != null) {
            var l = baseline.latencies();
            md.append("\n### Baseline: single-file copies\n\n");
            md.append("| requests | connections | time | files/s | p50 | p99 | CPU/file: JVM | PostgreSQL "
                    + "| listed at destination | errors |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            int done = Math.max(1, l.succeeded());
            md.append("| ").append(String.format(Locale.ROOT, "%,d", baseline.files()))
                    .append(" | ").append(baseline.concurrency())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f s", l.succeeded() / l.throughput()))
                    .append(" | ").append(rate(l.throughput()))
                    .append(" | ").append(ms(l.p50()))
                    .append(" | ").append(ms(l.p99()))
                    .append(" | ").append(ms(baseline.jvmCpu().toNanos() / 1e6 / done))
                    .append(" | ").append(ms(baseline.postgresCpu().toNanos() / 1e6 / done))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", baseline.atDestination().files()))
                    .append(" | ").append(l.errors()).append(" |\n");
        }
        md.append("\nSeeding through the upload API: ");
        for (Seeding s : results.seeding()) {
            md.append(String.format(Locale.ROOT, "%,d uploads (%,d files) in %s; ", s.uploads(), s.files(),
                    seconds(s.time())));
        }
        md.setLength(md.length() - 2);
        md.append(".\n\n").append(END).append("\n");
        return md.toString();
    }

    /** The heap figures compared: the peak, and the largest after-GC figure (-1 without a collection). */
    private record HeapFigures(long peak, long afterGc) {
        HeapFigures(JobRun run) {
            this(run.heap().peak(), run.heap().collections() == 0 ? -1 : run.heap().afterGc());
        }
    }

    private static Optional<JobRun> find(Results results, Kind kind, int files) {
        return results.jobs().stream().filter(r -> r.kind() == kind && r.files() == files).findFirst();
    }

    static void writeSection(Path file, String section) throws IOException {
        MarkdownSections.writeSection(file, BEGIN, END, section);
    }

    static long xmxBytes(String xmx) {
        String value = xmx.toLowerCase(Locale.ROOT);
        long unit = value.endsWith("g") ? 1L << 30 : value.endsWith("m") ? 1L << 20 : value.endsWith("k") ? 1L << 10 : 1;
        return Long.parseLong(value.replaceAll("[^0-9]", "")) * unit;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static String verdict(boolean pass) {
        return pass ? "pass" : "**FAIL**";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
