package io.palimpsest.bench.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's CPU time goes, from two thread dumps ({@code jcmd <pid> Thread.print}, whose header
 * lines carry each thread's CPU time since it started): the CPU each thread used between them, summed
 * over thread pools (digits in names folded), with the stack top of the busiest threads of the
 * second dump. The dumps are kept as files for a closer look.
 */
final class ThreadProfile {

    private static final Pattern HEADER = Pattern.compile("^\"(.+?)\".*?cpu=([0-9.]+)ms.*?nid=(0x[0-9a-f]+|\\d+)(.*)$");

    /** One thread in one dump. */
    record ThreadSample(String name, double cpuMillis, String state, List<String> frames) {
    }

    /** A dump: threads by native id. */
    record Dump(long takenAtNanos, Map<String, ThreadSample> threads) {
    }

    /** One line of the result: a pool (or thread) and the CPU it used in the window. */
    record Usage(String pool, int threads, double cpuMillis, String sampleStack) {
    }

    private ThreadProfile() {
    }

    static Dump dump(long pid, Path saveAs) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print")
                .redirectErrorStream(true).start();
        byte[] output = jcmd.getInputStream().readAllBytes();
        long taken = System.nanoTime();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (saveAs != null) {
            Files.writeString(saveAs, text);
        }
        return new Dump(taken, parse(text));
    }

    static Map<String, ThreadSample> parse(String text) {
        Map<String, ThreadSample> threads = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (!header.find()) {
                continue;
            }
            String state = "";
            List<String> frames = new ArrayList<>();
            int j = i + 1;
            if (j < lines.length && lines[j].trim().startsWith("java.lang.Thread.State:")) {
                state = lines[j].trim().substring("java.lang.Thread.State:".length()).trim();
                j++;
            }
            while (j < lines.length && lines[j].startsWith("\t") && frames.size() < 12) {
                String frame = lines[j].trim();
                if (frame.startsWith("at ")) {
                    frames.add(frame.substring(3));
                }
                j++;
            }
            threads.put(header.group(3), new ThreadSample(header.group(1), Double.parseDouble(header.group(2)), state, frames));
        }
        return threads;
    }

    /** CPU used between the two dumps, by pool, busiest first. */
    static List<Usage> usage(Dump before, Dump after) {
        Map<String, double[]> cpu = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, ThreadSample> busiest = new HashMap<>();
        Map<String, Double> busiestCpu = new HashMap<>();
        for (Map.Entry<String, ThreadSample> entry : after.threads().entrySet()) {
            ThreadSample now = entry.getValue();
            ThreadSample then = before.threads().get(entry.getKey());
            double used = now.cpuMillis() - (then == null || !then.name().equals(now.name()) ? 0 : then.cpuMillis());
            String pool = pool(now.name());
            cpu.computeIfAbsent(pool, p -> new double[1])[0] += used;
            counts.merge(pool, 1, Integer::sum);
            if (used > busiestCpu.getOrDefault(pool, -1.0)) {
                busiestCpu.put(pool, used);
                busiest.put(pool, now);
            }
        }
        return cpu.entrySet().stream()
                .map(e -> new Usage(e.getKey(), counts.get(e.getKey()), e.getValue()[0], stack(busiest.get(e.getKey()))))
                .sorted(Comparator.comparingDouble(Usage::cpuMillis).reversed())
                .toList();
    }

    /** Thread names with their numbers folded: "EventProcessor[x]-3" and "-7" are one pool. */
    static String pool(String name) {
        return name.replaceAll("\\d+", "#");
    }

    /** The top frames of a thread that was running (a parked pool thread's stack says nothing), without locations. */
    private static String stack(ThreadSample thread) {
        if (thread == null || thread.frames().isEmpty() || !thread.state().startsWith("RUNNABLE")) {
            return "";
        }
        return String.join(" ← ", thread.frames().subList(0, Math.min(4, thread.frames().size())).stream()
                .map(frame -> frame.replaceAll("\\(.*", "")).toList());
    }

    /** A readable summary: share of the window's wall time per pool (100 % = one core busy). */
    static String describe(List<Usage> usage, double windowMillis, int top) {
        StringBuilder text = new StringBuilder();
        for (Usage u : usage.subList(0, Math.min(top, usage.size()))) {
            text.append(String.format(Locale.ROOT, "%6.1f %% of a core  %-60s (%d threads)%n", 100 * u.cpuMillis() / windowMillis,
                    u.pool(), u.threads()));
            if (!u.sampleStack().isEmpty()) {
                text.append("           ").append(u.sampleStack()).append('\n');
            }
        }
        return text.toString();
    }
}
