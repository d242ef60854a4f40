package io.palimpsest.bench.read;

import io.palimpsest.bench.read.ReadBenchmark.Comparison;
import io.palimpsest.bench.read.ReadBenchmark.Lag;
import io.palimpsest.bench.read.ReadBenchmark.Memory;
import io.palimpsest.bench.read.ReadBenchmark.Options;
import io.palimpsest.bench.read.ReadBenchmark.Rebuild;
import io.palimpsest.bench.read.ReadBenchmark.Results;
import io.palimpsest.bench.read.ReadBenchmark.Search;
import io.palimpsest.bench.upload.SharedHarness.Latencies;
import io.palimpsest.bench.report.CompilerActivity;
import io.palimpsest.bench.report.MarkdownSections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read section of docs/benchmarks.md, between its own markers: writing it leaves the other
 * benchmarks' sections untouched.
 */
final class ReadReport {

    static final String BEGIN = "<!-- begin: read benchmark (bench/read.sh writes this section) -->";
    static final String END = "<!-- end: read benchmark -->";
    /** The same header the upload benchmark writes when it creates the file. */
    static final double RATIO = 2.0;
    static final double VERSION_LIST_P99_MS = 20;
    static final double SEARCH_P99_MS = 50;
    static final double LAG_P99_MS = 200;

    private final ZonedDateTime date;
    private final Options options;
    private final Path workDirectory;

    ReadReport(ZonedDateTime date, Options options, Path workDirectory) {
        this.date = date;
        this.options = options;
        this.workDirectory = workDirectory;
    }

    String render(Results r) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append("\n");
        md.append("## Reads at ").append(String.format(Locale.ROOT, "%,d", r.loaded().events())).append(" versions\n\n");
        md.append(String.format(Locale.ROOT, """
                Standalone Palimpsest holding %,d files × %d versions, loaded **through its event store**: the events
                are inserted into `domain_event_entry` over JDBC in one transaction (in exactly the format Axon
                writes: %s) and the running projections build both read models from them. Then reads through the
                API are compared with raw reads of the same stores in the same run: the version list with a raw
                `_id` read on the same MongoDB wire server, searches with the same Lucene query on the same index
                directory, opened read-only by the harness. Last, uploads at a steady rate measure how far
                list/search trails writes.

                """, r.loaded().files(), options.versions(), r.formatCheck()));
        md.append("* **Date:** ").append(date.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n");
        md.append("* **Command:** `").append(options.command()).append("` (from the repository root; it builds what it")
                .append(" needs with `mvn -B -q -DskipTests package`, then runs `io.palimpsest.bench.read.ReadBenchmark`;")
                .append(" logs, GC log and thread dumps in `bench/target/read-logs/`)");
        if (!options.fullSize()) {
            md.append(" — **a reduced data set, a trial run**");
        }
        md.append("\n");
        md.append("* **Machine:** ").append(MarkdownSections.machine(workDirectory)).append("\n");
        md.append(String.format(Locale.ROOT, """
                * **Setup:** `palimpsest-standalone.jar` as a child process with `-Xmx%s`, a fresh temporary data
                  directory and free loopback ports (embedded PostgreSQL with fsync and synchronous commit on,
                  MongoDB wire server with its H2 backend, Lucene index in `<data-dir>/search-index`); the harness is
                  a second JVM on the same %d cores. Client: Java 17 `HttpClient`, HTTP/1.1, one request at a time.
                * **Data:** seeded and generated: %d folders (subfolders up to three levels), names from a word list,
                  0–4 tags per version from 30 (Zipf-distributed, changing now and then between versions), JPEG/PNG/WebP/GIF
                  with common dimensions, PDF, MP4 and ZIP with log-normal sizes, first versions spread over the last
                  two years and later versions between then and now. Each file's path is also in `file_path`, as the
                  write side keeps it. Plus %d files uploaded through the API (one format probe, %d paths for the lag test).

                """, options.xmx(), Runtime.getRuntime().availableProcessors(), Dataset.FOLDERS.length, 1 + ReadBenchmark.LAG_PATHS,
                ReadBenchmark.LAG_PATHS));

        md.append("### Targets\n\n");
        md.append("| target | measured | result |\n|---|---|---|\n");
        targets(r).forEach(line -> md.append(line).append("\n"));

        rebuild(md, r);
        warmUp(md, r.warmUp());
        versionList(md, r.versionList());
        searches(md, r.searches());
        lag(md, r.lag(), r.lagProfile());
        anatomy(md, r.anatomy());
        memory(md, r);
        md.append("\n").append(END).append("\n");
        return md.toString();
    }

    private List<String> targets(Results r) {
        List<String> lines = new ArrayList<>();
        Comparison v = r.versionList();
        lines.add(ratioLine("version list p99 ≤ " + RATIO + "× raw `_id` read p99", v));
        lines.add(absoluteLine("version list p99 < " + (int) VERSION_LIST_P99_MS + " ms", v.api(), VERSION_LIST_P99_MS));
        for (Search s : r.searches()) {
            lines.add(ratioLine("search \"" + s.name() + "\" p99 ≤ " + RATIO + "× raw Lucene p99", s.comparison()));
            lines.add(absoluteLine("search \"" + s.name() + "\" p99 < " + (int) SEARCH_P99_MS + " ms", s.comparison().api(),
                    SEARCH_P99_MS));
        }
        Lag lag = r.lag();
        boolean lagOk = lag.timedOut() == 0 && lag.failedUploads() == 0 && lag.skipped() == 0
                && lag.lagUpper().p99() <= LAG_P99_MS;
        lines.add("| list/search trails writes by ≤ " + (int) LAG_P99_MS + " ms p99 (" + options.lagRate() + " uploads/s) | "
                + ms(lag.lagUpper().p99()) + extra(lag) + " | " + verdict(lagOk) + " |");
        return lines;
    }

    private static String extra(Lag lag) {
        List<String> problems = new ArrayList<>();
        if (lag.timedOut() > 0) {
            problems.add(lag.timedOut() + " not visible within " + ReadBenchmark.LAG_GIVE_UP.toSeconds() + " s");
        }
        if (lag.failedUploads() > 0) {
            problems.add(lag.failedUploads() + " uploads failed");
        }
        if (lag.skipped() > 0) {
            problems.add(lag.skipped() + " uploads skipped (too many in flight)");
        }
        return problems.isEmpty() ? "" : " (" + String.join(", ", problems) + ")";
    }

    private static String ratioLine(String what, Comparison c) {
        double ratio = c.api().p99() / c.raw().p99();
        return "| " + what + " | " + ms(c.api().p99()) + " vs. " + ms(c.raw().p99())
                + String.format(Locale.ROOT, " (%.1f×)", ratio) + " | "
                + verdict(ratio <= RATIO && c.api().errors() == 0 && c.raw().errors() == 0) + " |";
    }

    private static String absoluteLine(String what, Latencies api, double limit) {
        return "| " + what + " | " + ms(api.p99()) + " | " + verdict(api.p99() < limit && api.errors() == 0) + " |";
    }

    private void rebuild(StringBuilder md, Results results) {
        Rebuild r = results.rebuild();
        long events = results.loaded().events();
        md.append("\n### Rebuild of both read models from the event store\n\n");
        md.append(String.format(Locale.ROOT, """
                Inserting the %,d events and %,d `file_path` rows took %s (%,.0f events/s, generation and
                serialisation in the harness included); the clock below starts at the commit. Both projections run
                at once, as they do in production (version history: pooled streaming processor, 16 segments, batches
                of 100, one `bulkWrite` per batch; search index: one segment, batches of 1000, one Lucene commit per
                batch), sharing the machine's cores with PostgreSQL.

                """, events, results.loaded().files(), seconds(results.loaded().time()),
                events / (results.loaded().time().toNanos() / 1e9)));
        md.append("| read model | caught up after | rebuild rate |\n|---|---:|---:|\n");
        md.append("| version history (`GET /v1/files/{id}/versions` lists the last file's last version) | ")
                .append(duration(r.versionHistory())).append(" | ").append(rate(events, r.versionHistory())).append(" |\n");
        md.append("| version history, every segment's stored token past the last event (tokens are stored per batch)  | ")
                .append(duration(r.versionHistoryAllSegments())).append(" | ")
                .append(rate(events, r.versionHistoryAllSegments())).append(" |\n");
        md.append("| search index (`GET /v1/files` finds the last file's last version) | ")
                .append(duration(r.searchIndex())).append(" | ").append(rate(events, r.searchIndex())).append(" |\n");
        if (r.progressAtTimeout() != null) {
            md.append("\n**Not caught up within the timeout** — ").append(r.progressAtTimeout()).append(".\n");
        }
        double wall = r.window().toNanos() / 1e9;
        md.append(String.format(Locale.ROOT, """

                CPU during those %s: Palimpsest's JVM %.0f s (%.2f cores), its PostgreSQL %.0f s (%.2f cores), of %d
                cores. Peak during the rebuild: VmRSS %s, heap used %s.

                """, seconds(r.window()), r.jvmCpu().toNanos() / 1e9, r.jvmCpu().toNanos() / 1e9 / wall,
                r.postgresCpu().toNanos() / 1e9, r.postgresCpu().toNanos() / 1e9 / wall,
                Runtime.getRuntime().availableProcessors(), mib(r.peakRss()), mib(r.peakHeap())));
        if (!r.profile().isBlank()) {
            md.append("Where Palimpsest's CPU went during the rebuild (thread pools, from the CPU times in `jcmd Thread.print`;")
                    .append(" 100 % = one core; with the top frames of a pool's busiest thread when it was running):\n\n```\n")
                    .append(r.profile().strip()).append("\n```\n");
        }
        details(md, "JFR profile of the rebuild (all of Palimpsest's threads)", r.jfrProfile());
    }

    private static void warmUp(StringBuilder md, CompilerActivity.WarmUp warmUp) {
        md.append("\n### Warm-up before the latency phases\n\n");
        md.append(String.format(Locale.ROOT, """
                The version list and the five searches below are measured on a server at its steady state: first
                rounds of all of them (each through the API and raw, random files and parameters) until, over two
                rounds in a row, the server's JIT compiler threads (`C1/C2 CompilerThread`, CPU from
                `/proc/<pid>/task`) use less than %.0f %% of a core. On this machine C2 goes on compiling the
                request path for thousands of requests, on the same two cores the measured requests run on,
                and in bursts: right before each phase is timed, its own requests run again (100 through the
                API, 100 raw, per round) until the compilers are quiet over two rounds in a row.
                Warm-up: %s.
                """, ReadBenchmark.QUIET_COMPILERS * 100, warmUp.describe()));
    }

    private void versionList(StringBuilder md, Comparison c) {
        md.append("\n### Version list\n\n");
        md.append(String.format(Locale.ROOT, """
                `GET /v1/files/{id}/versions` of random files (each with %d versions, the whole list rendered as
                ImageKit File objects) against a raw `_id` read of the same document with the MongoDB reactive
                driver from the harness (decoded into a `Document`), on the same wire server; concurrency 1,
                alternating rounds of each after a warm-up of both.

                """, options.versions()));
        md.append("| target | requests | p50 | p99 | max | errors |\n|---|---:|---:|---:|---:|---:|\n");
        row(md, "`GET /v1/files/{id}/versions`", c.api());
        row(md, "raw `_id` read (baseline)", c.raw());
        details(md, "JFR profile of an unmeasured pass of the API requests", c.profile());
    }

    private void searches(StringBuilder md, List<Search> searches) {
        md.append("\n### Searches\n\n");
        md.append(String.format(Locale.ROOT, """
                `GET /v1/files?searchQuery=…&limit=%d` against the same query on the raw index: parsed by
                `SearchQueryParser`, translated by `LuceneQueryTranslator`, with the controller's filters (listable
                types; `type = file` unless the query names a type), the same sort with its tie-breaker, the same
                limit, and the stored fields the API's answer is made of loaded for every hit (the pre-rendered File
                object and its URL parts, through one `StoredFields` per search, as the API reads them). Each search
                cycles through a pool of parameters (tags,
                words, months, size ranges, folders), the same sequence for both; concurrency 1, alternating rounds
                after a warm-up. *Matching* counts the documents of the example's query. *Same hits*: both returned
                the same versions in the same order for every parameter of the pool (for relevance, the same set).

                """, options.limit()));
        md.append("| search | example searchQuery | sort | matching | API p50 | API p99 | raw p50 | raw p99 | p99 ratio | same hits |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Search s : searches) {
            Comparison c = s.comparison();
            md.append("| ").append(s.name()).append(" | `").append(s.example().replace("|", "\\|")).append("` | ")
                    .append(s.sort() == null ? "default (ASC_CREATED)" : s.sort()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", s.matchingExample())).append(" | ")
                    .append(ms(c.api().p50())).append(" | ").append(ms(c.api().p99())).append(" | ")
                    .append(ms(c.raw().p50())).append(" | ").append(ms(c.raw().p99())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f×", c.api().p99() / c.raw().p99())).append(" | ")
                    .append(s.sameHits() ? "yes" : "**no**: " + s.mismatch().replace("|", "/")).append(" |\n");
        }
        for (Search s : searches) {
            details(md, "JFR profile of an unmeasured pass of the API requests: " + s.name(), s.comparison().profile());
        }
    }

    private void lag(StringBuilder md, Lag lag, String profile) {
        md.append("\n### Projection lag under a steady upload load\n\n");
        md.append(String.format(Locale.ROOT, """
                %d uploads planned at %d/s for %d s (open loop: each starts on schedule, at most %d in flight), each
                a new version (%d bytes, new content) of one of %d existing paths. After each acknowledged upload, the
                client polls `GET /v1/files?searchQuery=id = "<fileId>"&limit=1` (type file) every %d ms until it lists
                the new version (or a later one). *Lag* runs from the acknowledgement to the answer of the first poll
                that showed it; the version became visible after the previous poll was sent (*lower bound*).

                """, lag.planned(), options.lagRate(), options.lagSeconds(), 64, ReadBenchmark.LAG_UPLOAD_BYTES,
                ReadBenchmark.LAG_PATHS, ReadBenchmark.LAG_POLL.toMillis()));
        md.append("| measure | count | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        md.append("| upload (request to answer) | ").append(lag.uploads().succeeded()).append(" | ")
                .append(ms(lag.uploads().p50())).append(" | ").append(ms(lag.uploads().p99())).append(" | ")
                .append(ms(lag.uploads().maxMillis())).append(" |\n");
        md.append("| lag: acknowledgement → listed | ").append(lag.lagUpper().succeeded()).append(" | ")
                .append(ms(lag.lagUpper().p50())).append(" | ").append(ms(lag.lagUpper().p99())).append(" | ")
                .append(ms(lag.lagUpper().maxMillis())).append(" |\n");
        md.append("| lag, lower bound | ").append(lag.lagLower().succeeded()).append(" | ")
                .append(ms(lag.lagLower().p50())).append(" | ").append(ms(lag.lagLower().p99())).append(" | ")
                .append(ms(lag.lagLower().maxMillis())).append(" |\n");
        md.append(String.format(Locale.ROOT, "%nSent %d of %d in %s; %d skipped, %d failed, %d not listed within %d s%s;"
                        + " %d polls.%n",
                lag.sent(), lag.planned(), seconds(lag.wall()), lag.skipped(), lag.failedUploads(), lag.timedOut(),
                ReadBenchmark.LAG_GIVE_UP.toSeconds(), lag.firstError() == null ? "" : " (first error: "
                        + lag.firstError().replace("|", "/") + ")", lag.polls()));
        details(md, "JFR profile of a second, unmeasured pass of the same load (" + Math.min(10, options.lagSeconds())
                + " s)", profile);
    }

    private void anatomy(StringBuilder md, ReadBenchmark.Anatomy a) {
        md.append("\n#### Where the lag comes from\n\n");
        md.append(String.format(Locale.ROOT, """
                %d more uploads, one at a time and a second apart (so nothing queues), each watched from its
                acknowledgement by three pollers (every 2 ms): the version-history document by a raw `_id` read (its
                `currentVersionId`), the search index's last Lucene commit (its stored stream position includes the
                upload's event, read from the commit data by the harness), and `GET /v1/files`.

                """, a.uploads()));
        md.append("| stage reached | count | min | p50 | p90 | max |\n|---|---:|---:|---:|---:|---:|\n");
        stage(md, "version history (MongoDB) has the new version", a.versionHistory());
        stage(md, "search index commit includes the event", a.indexCommit());
        stage(md, "`GET /v1/files` lists the new version", a.listed());
        details(md, "fsyncs during these uploads (JFR), and what the event pipeline's threads do before the version shows",
                a.evidence());
    }

    private static void stage(StringBuilder md, String what, Latencies l) {
        md.append("| ").append(what).append(" | ").append(l.succeeded()).append(" | ").append(ms(l.percentileMillis(0.0001)))
                .append(" | ").append(ms(l.p50())).append(" | ").append(ms(l.percentileMillis(90))).append(" | ")
                .append(ms(l.maxMillis())).append(" |\n");
    }

    private void memory(StringBuilder md, Results r) {
        Memory m = r.memory();
        md.append("\n### Memory and disk at ").append(String.format(Locale.ROOT, "%,d", r.loaded().events()))
                .append(" versions\n\n");
        Memory end = r.memoryAtEnd();
        md.append("""
                The standalone JVM (`-Xmx%s`): `VmRSS` and `VmHWM` from `/proc/<pid>/status`, heap from
                `/actuator/metrics/jvm.memory.used?tag=area:heap`; once idle after the rebuild, and at the end of the
                run, there also after a full collection (`jcmd <pid> GC.run`, done last so that it does not shrink
                the heap under the latency measurements), which is what the heap really holds. The embedded
                PostgreSQL runs in its own processes and is not included.

                """.formatted(options.xmx()));
        md.append("| measure | value |\n|---|---:|\n");
        md.append("| VmRSS, idle after the rebuild | ").append(mib(m.vmRss())).append(" |\n");
        md.append("| heap used, idle after the rebuild | ").append(mib(m.heapUsed())).append(" |\n");
        md.append("| VmRSS at the end of the run (after the reads and the lag test) | ").append(mib(end.vmRss())).append(" |\n");
        md.append("| VmHWM, peak RSS over the whole run | ").append(mib(end.vmHwm())).append(" |\n");
        md.append("| heap used at the end of the run | ").append(mib(end.heapUsed())).append(" |\n");
        md.append("| heap used after a full GC (live data) | ").append(mib(end.heapUsedAfterFullGc())).append(" |\n");
        for (Map.Entry<String, Long> disk : r.diskBytes().entrySet()) {
            md.append("| on disk: ").append(disk.getKey()).append(" | ").append(mib(disk.getValue())).append(" |\n");
        }
    }

    /** A collapsed block with a profile summary, for readers who want the evidence. */
    private static void details(StringBuilder md, String summary, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        md.append("\n<details><summary>").append(summary).append("</summary>\n\n```\n").append(text.strip())
                .append("\n```\n</details>\n");
    }

    private static void row(StringBuilder md, String target, Latencies l) {
        md.append("| ").append(target).append(" | ").append(l.succeeded()).append(" | ").append(ms(l.p50()))
                .append(" | ").append(ms(l.p99())).append(" | ").append(ms(l.maxMillis())).append(" | ")
                .append(l.errors() == 0 ? "0" : l.errors() + " (" + l.firstError() + ")").append(" |\n");
    }

    private static String duration(Duration d) {
        return d == null ? "**not within the timeout**" : seconds(d);
    }

    private static String rate(long events, Duration d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%,.0f events/s", events / (d.toNanos() / 1e9));
    }

    private static String seconds(Duration d) {
        return ReadBenchmark.seconds(d);
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

    /** Replaces this benchmark's section in {@code file} (appends it if absent; creates the file if needed). */
    static void writeSection(Path file, String section) throws IOException {
        MarkdownSections.writeSection(file, BEGIN, END, section);
    }
}
