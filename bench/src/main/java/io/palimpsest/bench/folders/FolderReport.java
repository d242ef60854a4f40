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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The folder job section of docs/benchmarks.md; writing it leaves the other sections untouched. */
final class FolderReport {

    static final String BEGIN = "<!-- begin: folder job benchmark (bench/folders.sh writes this section) -->";
    static final String END = "<!-- end: folder job benchmark -->";
    static final double FILES_PER_SECOND = 500;
    /**
     * Flat: the live heap a job adds (during it, and still after it) on the large folder exceeds what it
     * adds on the small one by at most this share of -Xmx.
     */
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
                or left whole by the copies. Every job also runs on a folder of a tenth the size.
                **Live heap**, a second pass: every job run again (small folder first, then the large one; on the
                same files, into destinations of their own) with the server's live heap measured by forced full
                collections, to show whether what the server keeps reachable grows with the folder.
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
                * **Timed pass:** no forced collections and no heap sampling; the files/s targets come from it.
                * **Live heap (second pass):** *live* is the total of a class histogram of the server's JVM
                  (`GC.class_histogram` through its `DiagnosticCommand` MBean, over the JMX agent the harness
                  starts in it with the Attach API; the same as `jcmd <pid> GC.class_histogram`), which first
                  runs a stop-the-world full collection and then counts every object still reachable: bytes of
                  live objects. *Before*: the server idle, right before the request (so every job starts from a
                  full collection). *Max during*: the largest of the histograms taken from the request until
                  `Completed`, one every %d ms after the previous one ended (the job pauses during each, so its
                  time in this pass is no speed figure). *Growth* = max during − before: the most the job and
                  the projections it feeds keep live at once. *After*: the server idle again (result listed,
                  projections caught up); *retained* = after − before. Histograms (before, largest sample,
                  after) in `bench/target/folder-logs/histogram-*.txt`.

                """.formatted(options.xmx(), options.uploadBytes(), options.concurrency(),
                FolderBenchmark.LIVE_GAP_MILLIS));
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
            Optional<JobRun> big = find(results.liveJobs(), kind, large);
            Optional<JobRun> little = find(results.liveJobs(), kind, small);
            if (big.isPresent() && little.isPresent() && big.get().live() != null && little.get().live() != null) {
                FolderBenchmark.Live b = big.get().live();
                FolderBenchmark.Live l = little.get().live();
                boolean flat = b.samples() > 0 && l.samples() > 0 && b.growth() <= l.growth() + slack
                        && b.retainedBytes() <= l.retainedBytes() + slack;
                md.append("| ").append(kind.label).append(": live heap flat in the folder size: growth during the job")
                        .append(" and retained after it, ").append(String.format(Locale.ROOT, "%,d vs. %,d", large, small))
                        .append(" files, each at most +").append((int) (HEAP_SLACK * 100)).append(" % of -Xmx (")
                        .append(mib(slack)).append(") | growth ").append(signedMib(b.growth())).append(" vs. ")
                        .append(signedMib(l.growth())).append(" (")
                        .append(perFile(b.growth() - l.growth(), large - small)).append("); retained ")
                        .append(signedMib(b.retainedBytes())).append(" vs. ").append(signedMib(l.retainedBytes()))
                        .append(" | ").append(verdict(flat)).append(" |\n");
            }
        }
        md.append("\n### Jobs\n\n");
        md.append("| job | files | time | files/s | CPU/file: JVM | PostgreSQL "
                + "| listed at destination (files + older versions) | left at source | listed after | verified |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JobRun run : results.jobs()) {
            md.append("| ").append(run.kind().label)
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.files()))
                    .append(" | ").append(seconds(run.time()))
                    .append(" | ").append(rate(run.filesPerSecond()))
                    .append(" | ").append(ms(run.jvmCpu().toNanos() / 1e6 / run.files()))
                    .append(" | ").append(ms(run.postgresCpu().toNanos() / 1e6 / run.files()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d + %,d", run.atDestination().files(),
                            run.atDestination().olderVersions()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.leftAtSource().files()))
                    .append(" | ").append(run.visibleAfter() == null ? "not within 2 min" : seconds(run.visibleAfter()))
                    .append(" | ").append(run.verified() ? "yes" : "**no**" + (run.error() == null ? "" : ": " + run.error()))
                    .append(" |\n");
        }
        md.append("\n### Live heap (second pass)\n\n");
        md.append("| job | files | live before | max live during | growth | samples | live after | retained "
                + "| longest forced pause | time (with the pauses) | listed at destination | left at source | verified |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JobRun run : results.liveJobs()) {
            FolderBenchmark.Live live = run.live();
            md.append("| ").append(run.kind().label)
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.files()))
                    .append(" | ").append(mib1(live.before()))
                    .append(" | ").append(live.samples() == 0 ? "–" : mib1(live.maxDuring()))
                    .append(" | ").append(live.samples() == 0 ? "–" : signedMib(live.growth()))
                    .append(" | ").append(live.samples())
                    .append(" | ").append(mib1(live.after()))
                    .append(" | ").append(signedMib(live.retainedBytes()))
                    .append(" | ").append(live.longestPauseMillis()).append(" ms")
                    .append(" | ").append(seconds(run.time()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d + %,d", run.atDestination().files(),
                            run.atDestination().olderVersions()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", run.leftAtSource().files()))
                    .append(" | ").append(run.verified() ? "yes" : "**no**" + (run.error() == null ? "" : ": " + run.error()))
                    .append(" |\n");
        }
        for (JobRun run : results.liveJobs()) {
            if (run.files() != large || run.live().samples() == 0) {
                continue;
            }
            md.append("\n<details><summary>").append(run.kind().label).append(", ")
                    .append(String.format(Locale.ROOT, "%,d", run.files()))
                    .append(" files: the classes whose live bytes grew most, before → largest sample (and before → after)")
                    .append("</summary>\n\n| class | bytes at the largest sample | objects | bytes after | objects |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            List<LiveHeap.Growth> top = run.live().growthAtMax();
            for (int i = 0; i < top.size(); i++) {
                LiveHeap.Growth g = top.get(i);
                LiveHeap.Growth a = run.live().retainedOfTop().get(i);
                md.append("| `").append(g.className()).append("` | ").append(signedBytes(g.bytes())).append(" | ")
                        .append(String.format(Locale.ROOT, "%+,d", g.instances())).append(" | ")
                        .append(signedBytes(a.bytes())).append(" | ")
                        .append(String.format(Locale.ROOT, "%+,d", a.instances())).append(" |\n");
            }
            md.append("\n</details>\n");
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

    private static Optional<JobRun> find(Results results, Kind kind, int files) {
        return find(results.jobs(), kind, files);
    }

    private static Optional<JobRun> find(List<JobRun> jobs, Kind kind, int files) {
        return jobs.stream().filter(r -> r.kind() == kind && r.files() == files).findFirst();
    }

    private static String mib1(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String signedMib(long bytes) {
        return String.format(Locale.ROOT, "%+,.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String signedBytes(long bytes) {
        return Math.abs(bytes) >= 1 << 20 ? signedMib(bytes)
                : String.format(Locale.ROOT, "%+,.0f KiB", bytes / 1024.0);
    }

    /** The difference between the two folders' figures per file of difference in their sizes. */
    private static String perFile(long bytes, int files) {
        return String.format(Locale.ROOT, "%+,.0f bytes per extra file", files <= 0 ? 0.0 : (double) bytes / files);
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
