package io.palimpsest.bench.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a stretch of work spends its CPU inside Palimpsest's JVM: a Java Flight Recorder recording
 * (started and stopped with {@code jcmd}, profile settings: a stack sample of each running thread
 * every 10–20 ms) summarised as the methods most samples are in (self) and the methods of
 * interesting libraries most samples pass through (inclusive). Used in unmeasured passes only, so it
 * never slows a measurement; the recordings stay in the log directory for {@code jfr} or JMC.
 */
final class JfrProfile {

    /** Packages named by three segments in the by-library view; all others by two. */
    private static final List<String> DEEP = List.of("org.apache.", "com.fasterxml.", "de.bwaldvogel.", "io.palimpsest.",
            "org.springframework.", "org.axonframework.", "com.mongodb.");

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private JfrProfile() {
    }

    /** Records {@code work} into {@code dir/name.jfr} and returns the summary (also written next to it). */
    static String record(long pid, Path dir, String name, Predicate<String> threads, Work work) throws Exception {
        start(pid, dir, name);
        try {
            work.run();
        } finally {
            stop(pid, name);
        }
        return summary(dir, name, threads);
    }

    static void start(long pid, Path dir, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr").toAbsolutePath();
        Files.deleteIfExists(file);
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
    }

    static void stop(long pid, String name) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    /** The summary of {@code dir/name.jfr}, also written to {@code dir/name-profile.txt}. */
    static String summary(Path dir, String name, Predicate<String> threads) throws IOException {
        String summary = summarise(dir.resolve(name + ".jfr"), threads, 15);
        Files.writeString(dir.resolve(name + "-profile.txt"), summary);
        return summary;
    }

    static String summarise(Path file, Predicate<String> threads, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> library = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                if (thread == null || !threads.test(thread)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                byThread.merge(ThreadProfile.pool(thread), 1, Integer::sum);
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(method(frames.get(0)), 1, Integer::sum);
                library.merge(library(frames.get(0).getMethod().getType().getName()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = method(frame);
                    if (method.startsWith("io.palimpsest.") && !method.contains("$$Lambda") && !method.contains("lambda$")
                            && seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d CPU samples (%s)%n", samples, file.getFileName()));
        text.append("threads:\n");
        append(text, byThread, samples, 6);
        text.append("self, by library (where the CPU was spent):\n");
        append(text, library, samples, 12);
        text.append("self, by method:\n");
        append(text, self, samples, top);
        text.append("inclusive, Palimpsest's methods (share of samples under each):\n");
        append(text, inclusive, samples, top);
        return text.toString();
    }

    /**
     * The fsyncs ({@code FileChannel.force}, JFR's {@code jdk.FileForce}; the profile settings record those
     * of 10 ms or more) in a recording, by thread pool: how many, their total and median time, and the
     * directories of the files.
     */
    static String fileForces(Path file) throws IOException {
        Map<String, List<Long>> byPool = new HashMap<>();
        Map<String, Integer> byDirectory = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.FileForce")) {
                    continue;
                }
                String thread = event.getThread() == null ? "?" : event.getThread().getJavaName();
                byPool.computeIfAbsent(ThreadProfile.pool(String.valueOf(thread)), t -> new java.util.ArrayList<>())
                        .add(event.getDuration().toNanos());
                String path = event.getString("path");
                if (path != null) {
                    int slash = path.lastIndexOf('/');
                    String directory = slash > 0 ? path.substring(0, slash) : path;
                    byDirectory.merge(directory.replaceAll(".*/data/", "<data-dir>/"), 1, Integer::sum);
                }
            }
        }
        StringBuilder text = new StringBuilder("fsyncs of 10 ms or more (jdk.FileForce), by thread pool:\n");
        byPool.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().stream().mapToLong(Long::longValue).sum(),
                        a.getValue().stream().mapToLong(Long::longValue).sum()))
                .forEach(e -> {
                    long[] d = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                    text.append(String.format(Locale.ROOT, "  %-40s %4d fsyncs, %7.0f ms in all, median %5.1f ms, max %5.1f ms%n",
                            e.getKey(), d.length, java.util.Arrays.stream(d).sum() / 1e6, d[d.length / 2] / 1e6,
                            d[d.length - 1] / 1e6));
                });
        text.append("by directory:\n");
        append(text, byDirectory, 1, 8);
        return text.toString();
    }

    /**
     * The waits ({@code jdk.ThreadPark} of 10 ms or more) of the threads whose names match, grouped by
     * thread pool and the first frame outside the JDK: how many, their median and longest duration, and
     * how many ended by their timeout rather than by being woken.
     */
    static String parks(Path file, java.util.regex.Pattern threads) throws IOException {
        Map<String, List<long[]>> waits = new java.util.TreeMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ThreadPark") || event.getThread() == null) {
                    continue;
                }
                String thread = event.getThread().getJavaName();
                if (thread == null || !threads.matcher(thread).matches()) {
                    continue;
                }
                String frame = "";
                if (event.getStackTrace() != null) {
                    frame = event.getStackTrace().getFrames().stream().map(JfrProfile::method)
                            .filter(m -> !m.startsWith("java.") && !m.startsWith("jdk."))
                            .findFirst().orElse("");
                }
                long timeout = event.getLong("timeout");
                long duration = event.getDuration().toNanos();
                waits.computeIfAbsent(String.format("%-36s %s", ThreadProfile.pool(thread), frame), k -> new java.util.ArrayList<>())
                        .add(new long[]{duration, timeout > 0 && duration >= timeout - 1_000_000 ? 1 : 0, timeout});
            }
        }
        StringBuilder text = new StringBuilder("waits of 10 ms or more (jdk.ThreadPark) of the event pipeline's threads:\n");
        waits.forEach((key, list) -> {
            long[] d = list.stream().mapToLong(w -> w[0]).sorted().toArray();
            long timedOut = list.stream().filter(w -> w[1] == 1).count();
            long timeout = list.stream().mapToLong(w -> w[2]).max().orElse(0);
            text.append(String.format(Locale.ROOT, "  %s: %d waits, median %.0f ms, max %.0f ms; %d ended by timeout%s%n",
                    key, d.length, d[d.length / 2] / 1e6, d[d.length - 1] / 1e6, timedOut,
                    timeout > 0 ? String.format(Locale.ROOT, " (timeout up to %.0f ms)", timeout / 1e6) : ""));
        });
        return text.toString();
    }

    private static void append(StringBuilder text, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> text.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey())));
    }

    /** "org.bson.codecs.DocumentCodec" → "org.bson"; "org.apache.lucene.search.X" → "org.apache.lucene". */
    static String library(String className) {
        String[] parts = className.split("\\.");
        int depth = DEEP.stream().anyMatch(className::startsWith) ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1 > 0 ? parts.length - 1 : 1)));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "jcmd";
        command[1] = String.valueOf(pid);
        System.arraycopy(args, 0, command, 2, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + output);
        }
    }
}
