package io.palimpsest.bench.upload;

import io.palimpsest.bench.report.CompilerActivity;
import io.palimpsest.bench.upload.UploadBenchmark.Cell;
import io.palimpsest.bench.upload.UploadBenchmark.Cpu;
import io.palimpsest.bench.upload.UploadBenchmark.HeapRow;
import io.palimpsest.bench.upload.UploadBenchmark.Row;
import io.palimpsest.bench.report.MarkdownSections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The upload section of docs/benchmarks.md. The file holds one section per benchmark, each between
 * its own markers; writing this one leaves the others untouched.
 */
final class Report {

    static final String BEGIN = "<!-- begin: upload benchmark (bench/upload.sh writes this section) -->";
    static final String END = "<!-- end: upload benchmark -->";
    static final double BARE_P50_FACTOR = 2.0;
    static final double SMALL_UPLOADS_PER_SECOND = 300;
    static final double RAW_PUT_P50_FACTOR = 1.5;
    /** Flat: a large upload's heap exceeds the 16 KiB case's by at most this share of -Xmx. */
    static final double HEAP_SLACK = 0.10;

    private final ZonedDateTime date;
    private final String command;
    private final double scale;
    private final Path workDirectory;
    private final String revision;

    /** @param revision {@link MarkdownSections#revision()} when the run started, right after the build */
    Report(ZonedDateTime date, String command, double scale, Path workDirectory, String revision) {
        this.revision = revision;
        this.date = date;
        this.command = command;
        this.scale = scale;
        this.workDirectory = workDirectory;
    }

    String render(List<Row> local, List<Row> s3, List<HeapRow> heap, Map<String, CompilerActivity.WarmUp> warmUps,
                  List<DurabilityFloor.Step> floor) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append("\n");
        md.append("## Uploads\n\n");
        md.append("""
                Uploads that add a **new version to an existing path**: `POST /api/v1/files/upload` with
                `useUniqueFileName=false`, each request onto one of N paths created before the cell (at most
                %d versions per path), every upload with new content (16 random bytes differ per request, so
                content addressing never skips a write). Closed loop: *c* client threads each send a request
                and wait for its answer; latency runs from sending the request to the last byte of the answer.
                Each server is warmed up to its steady state: rounds of 400 × 16 KiB and 40 × 1 MiB uploads until,
                over a whole round, its JVMs' JIT compiler threads (CPU from `/proc/<pid>/task`) use less than
                %.0f %% of a core (C2 goes on compiling the upload path for thousands of uploads, on the same two
                cores the measured uploads run on). Each cell also starts with its own warm-up; then every
                target gets the same measured requests, in turn, in this one run.

                """.formatted(UploadBenchmark.VERSIONS_PER_PATH, UploadBenchmark.QUIET_COMPILERS * 100));
        warmUps.forEach((target, warmUp) -> md.append("* **Warm-up, ").append(target).append(":** ")
                .append(warmUp.describe()).append("\n"));
        md.append("\n");
        md.append("* **Date:** ").append(date.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n");
        md.append("* **Command:** `").append(command).append("` (from the repository root; it builds what it needs")
                .append(" with `mvn -B -q -DskipTests package`, then runs `io.palimpsest.bench.upload.UploadBenchmark`)");
        if (scale != 1) {
            md.append(" — **request counts scaled by ").append(scale).append(", a trial run**");
        }
        md.append("\n");
        md.append("* **Machine:** ").append(MarkdownSections.machine(workDirectory)).append("\n");
        md.append("* **Built from:** ").append(revision).append("\n");
        md.append("""
                * **Setup:** everything on loopback, each server a child process with a fresh temporary data
                  directory and free ports. Client: Java 17 `java.net.http.HttpClient` (HTTP/1.1), one
                  precomputed multipart body per size. Palimpsest: `palimpsest-standalone.jar` with its
                  defaults (embedded PostgreSQL with fsync and synchronous commit on, MongoDB wire server,
                  default JVM heap), uploads authenticated with HTTP Basic. Bare endpoint: a WebFlux app in
                  `bench/` that streams the file part (`PartEvent`) to a new file off the event loop and
                  fsyncs it. S3: S3Proxy 3.0.0 (filesystem backend, logging at WARN) as its own process;
                  raw PutObject with MinIO client 8.5.17 built as Palimpsest's `S3BlobStore` builds it
                  (TCP_NODELAY, MinIO's default OkHttp client).
                * **CPU columns:** CPU time per measured request of each process: the server under test
                  (Palimpsest's or the bare endpoint's JVM), Palimpsest's embedded PostgreSQL, S3Proxy, and
                  the client (the harness JVM, which also runs the MinIO client). Server time is counted
                  until the servers are idle again, so Palimpsest's projections catching up are included.
                  Everything shares the machine's cores, so at c = 8 the sum bounds throughput.

                """);

        md.append("### Targets\n\n");
        md.append("| target | measured | result |\n|---|---|---|\n");
        for (String line : targets(local, s3, heap)) {
            md.append(line).append("\n");
        }
        if (!floor.isEmpty()) {
            floor(md, floor, local, s3);
        }
        md.append("\n### Standalone (local blob store) vs. bare endpoint\n\n");
        table(md, local, false);
        md.append("\n### Palimpsest on S3 vs. raw PutObject (same S3Proxy)\n\n");
        table(md, s3, true);
        md.append("\n### Heap with -Xmx").append(UploadBenchmark.SERVICE_HEAP_MIB).append("m\n\n");
        md.append("""
                A fresh standalone Palimpsest (local blob store) with `-Xmx%dm -Xlog:gc`: 16 KiB uploads one
                after another, then one upload of each large size, generated while it is sent (the client
                holds one megabyte of it). All are new versions of existing paths. *Sampled* is the largest
                `jvm.memory.used{area=heap}` read from the actuator every 50 ms; *before GC* / *after GC* are
                the largest heap figures the GC log printed around each collection in that stretch (after GC
                is what was still reachable).

                """.formatted(UploadBenchmark.SERVICE_HEAP_MIB));
        md.append("| upload | requests | time | MiB/s | peak heap (sampled) | peak heap (before GC) "
                + "| max heap after GC | collections | errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (HeapRow row : heap) {
            double seconds = row.time().toNanos() / 1e9;
            md.append("| ").append(row.upload()).append(" | ").append(row.requests())
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f s", seconds))
                    .append(" | ").append(row.requests() == 0 ? "–" : String.format(Locale.ROOT, "%.0f", row.bytesEach() * (double) row.requests()
                            / UploadBenchmark.MIB / seconds))
                    .append(" | ").append(mib(row.heap().maxSampled()))
                    .append(" | ").append(row.heap().collections() == 0 ? "–" : mib(row.heap().beforeGc()))
                    .append(" | ").append(row.heap().collections() == 0 ? "–" : mib(row.heap().afterGc()))
                    .append(" | ").append(row.heap().collections())
                    .append(" | ").append(row.error() == null ? "0" : brief(row.error())).append(" |\n");
        }
        md.append("\n").append(END).append("\n");
        return md.toString();
    }

    /**
     * The durability steps alone, and what the c = 1 ratios would be if an upload cost nothing but its
     * baseline plus those steps: no HTTP handling, hashing, inspection, command or projection of its own.
     */
    private static void floor(StringBuilder md, List<DurabilityFloor.Step> floor, List<Row> local, List<Row> s3) {
        md.append("\n### Durability alone (the floor under the ratios)\n\n");
        md.append("""
                The two steps a standalone upload takes that the bare endpoint does not, each timed alone, one
                after another, beside the idle servers of the first table: the event's commit on Palimpsest's
                own PostgreSQL (an event-sized row in a probe table of its own, fsync and synchronous commit on)
                and making the blob's name durable (a written, fsynced 16 KiB file renamed into another directory
                on the data directory's disk, then that directory fsynced: POSIX makes a new directory entry
                durable only then; the bare endpoint's file is never renamed and its directory never fsynced).
                A Palimpsest on S3 upload takes the same commit after its PutObject.

                """);
        md.append("| step | repetitions | p50 | p99 |\n|---|---:|---:|---:|\n");
        for (DurabilityFloor.Step step : floor) {
            md.append("| ").append(step.name()).append(" | ").append(step.count()).append(" | ")
                    .append(ms(step.p50())).append(" | ").append(ms(step.p99())).append(" |\n");
        }
        double commit = floor.stream().filter(step -> step.name().equals(DurabilityFloor.EVENT_COMMIT))
                .mapToDouble(DurabilityFloor.Step::p50).findFirst().orElse(0);
        double steps = floor.stream().mapToDouble(DurabilityFloor.Step::p50).sum();
        md.append("\n| c = 1 | baseline p50 | + durability steps (p50) | floor | floor / baseline | target |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        floorLines(md, local, "bare endpoint", "standalone", steps, BARE_P50_FACTOR);
        floorLines(md, s3, "raw PutObject", "S3", commit, RAW_PUT_P50_FACTOR);
    }

    private static void floorLines(StringBuilder md, List<Row> rows, String baseline, String label, double steps,
                                   double limit) {
        rows.stream().filter(row -> row.target().equals(baseline) && row.cell().concurrency() == 1).forEach(row -> {
            double base = row.result().p50();
            md.append("| ").append(label).append(", ").append(UploadBenchmark.sizeLabel(row.cell().size()))
                    .append(" | ").append(ms(base)).append(" (").append(baseline).append(")")
                    .append(" | ").append(ms(steps))
                    .append(" | ").append(ms(base + steps))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f×", (base + steps) / base))
                    .append(" | ≤ ").append(limit).append("× |\n");
        });
    }

    private static void table(StringBuilder md, List<Row> rows, boolean s3) {
        md.append("| size | c | target | requests | p50 | p99 | req/s | CPU/req: server JVM | PostgreSQL |")
                .append(s3 ? " S3Proxy |" : "").append(" client | errors |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|").append(s3 ? "---:|" : "").append("---:|---:|\n");
        for (Row row : rows) {
            LoadRunner.Result r = row.result();
            md.append("| ").append(UploadBenchmark.sizeLabel(row.cell().size()))
                    .append(" | ").append(row.cell().concurrency())
                    .append(" | ").append(row.target())
                    .append(" | ").append(row.cell().requests())
                    .append(" | ").append(ms(r.p50()))
                    .append(" | ").append(ms(r.p99()))
                    .append(" | ").append(String.format(Locale.ROOT, r.throughput() < 100 ? "%.1f" : "%.0f", r.throughput()))
                    .append(" | ").append(row.cpuMillis().containsKey(Cpu.SERVICE) ? ms(row.cpu(Cpu.SERVICE)) : "–")
                    .append(" | ").append(row.cpu(Cpu.POSTGRES) > 0 ? ms(row.cpu(Cpu.POSTGRES)) : "–")
                    .append(s3 ? " | " + ms(row.cpu(Cpu.S3PROXY)) : "")
                    .append(" | ").append(ms(row.cpu(Cpu.CLIENT)))
                    .append(" | ").append(r.errors() == 0 ? "0" : r.errors() + " (" + brief(r.firstError()) + ")")
                    .append(" |\n");
        }
    }

    private static List<String> targets(List<Row> local, List<Row> s3, List<HeapRow> heap) {
        List<String> lines = new ArrayList<>();
        for (Row palimpsest : local) {
            if (!palimpsest.target().equals("Palimpsest")) {
                continue;
            }
            baseline(local, palimpsest.cell(), "bare endpoint").ifPresent(bare -> lines.add(ratioLine(
                    "standalone p50 ≤ " + BARE_P50_FACTOR + "× bare endpoint p50", palimpsest, bare, BARE_P50_FACTOR)));
        }
        local.stream()
                .filter(row -> row.target().equals("Palimpsest") && row.cell().size() == 16 * UploadBenchmark.KIB
                        && row.cell().concurrency() == 8)
                .forEach(row -> lines.add("| standalone ≥ " + (int) SMALL_UPLOADS_PER_SECOND
                        + " uploads/s, 16 KiB, c = 8 | " + String.format(Locale.ROOT, "%.0f req/s", row.result().throughput())
                        + (row.result().errors() == 0 ? "" : "; " + row.result().errors() + " failed requests")
                        + " | " + verdict(row.result().throughput() >= SMALL_UPLOADS_PER_SECOND && row.result().errors() == 0)
                        + " |"));
        for (Row palimpsest : s3) {
            if (!palimpsest.target().equals("Palimpsest on S3")) {
                continue;
            }
            baseline(s3, palimpsest.cell(), "raw PutObject").ifPresent(raw -> lines.add(ratioLine(
                    "S3 p50 ≤ " + RAW_PUT_P50_FACTOR + "× raw PutObject p50", palimpsest, raw, RAW_PUT_P50_FACTOR)));
        }
        if (!heap.isEmpty()) {
            HeapRow small = heap.get(0);
            long slack = (long) (HEAP_SLACK * UploadBenchmark.SERVICE_HEAP_MIB * UploadBenchmark.MIB);
            for (HeapRow large : heap.subList(1, heap.size())) {
                // with no collection during the large upload there is no after-GC figure to compare
                boolean collected = large.heap().collections() > 0;
                boolean flat = large.error() == null
                        && large.heap().peak() <= small.heap().peak() + slack
                        && (!collected || large.heap().afterGc() <= small.heap().afterGc() + slack);
                lines.add("| peak heap flat with file size: " + large.upload() + " vs. 16 KiB (at most +"
                        + (int) (HEAP_SLACK * 100) + " % of -Xmx) | peak " + mib(large.heap().peak()) + " vs. "
                        + mib(small.heap().peak()) + "; after GC "
                        + (collected ? mib(large.heap().afterGc()) : "– (no collection)") + " vs. "
                        + mib(small.heap().afterGc()) + (large.error() == null ? "" : "; failed: " + brief(large.error()))
                        + " | " + verdict(flat) + " |");
            }
        }
        return lines;
    }

    private static Optional<Row> baseline(List<Row> rows, Cell cell, String target) {
        return rows.stream().filter(row -> row.target().equals(target) && row.cell().equals(cell)).findFirst();
    }

    private static String ratioLine(String what, Row measured, Row baseline, double limit) {
        double ratio = measured.result().p50() / baseline.result().p50();
        return "| " + what + ", " + UploadBenchmark.sizeLabel(measured.cell().size()) + ", c = "
                + measured.cell().concurrency() + " | " + ms(measured.result().p50()) + " vs. "
                + ms(baseline.result().p50()) + String.format(Locale.ROOT, " (%.2f×)", ratio)
                + (measured.result().errors() == 0 ? "" : "; " + measured.result().errors() + " failed requests")
                + " | "
                + verdict(ratio <= limit && measured.result().errors() == 0) + " |";
    }

    /** An error message short enough for a table cell. */
    private static String brief(String error) {
        String text = error == null ? "" : error.replace('|', '/').replace('\n', ' ');
        return text.length() <= 70 ? text : text.substring(0, 70) + "…";
    }

    private static String verdict(boolean pass) {
        return pass ? "pass" : "**FAIL**";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) UploadBenchmark.MIB);
    }

    /** Replaces this benchmark's section in {@code file} (appends it if absent; creates the file if needed). */
    static void writeSection(Path file, String section) throws IOException {
        MarkdownSections.writeSection(file, BEGIN, END, section);
    }
}
