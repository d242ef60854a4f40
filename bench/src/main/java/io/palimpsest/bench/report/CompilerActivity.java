package io.palimpsest.bench.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How busy JVMs' JIT compiler threads are, from {@code /proc/<pid>/task/*}: a benchmark warms a
 * server up until its compilers are quiet, so that what it measures is the steady state a long-running
 * server is in, not the first minutes in which C2 still compiles (and recompiles) the request path on
 * the same two cores.
 */
public final class CompilerActivity {

    /** Linux reports thread CPU in clock ticks; 100 per second on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long[] pids;

    /** The compiler threads of these JVMs, counted together. */
    public CompilerActivity(long... pids) {
        this.pids = pids.clone();
    }

    /**
     * The warm-up: how many rounds it took and how busy the compilers were in the last one; and, once the
     * benchmark has measured it, how busy they were while the timed requests ran ({@code NaN} until then).
     */
    public record WarmUp(int rounds, int requests, double lastShare, boolean quiet, double seconds, double timedShare) {

        public WarmUp whileTimed(double share) {
            return new WarmUp(rounds, requests, lastShare, quiet, seconds, share);
        }

        public String describe() {
            return String.format("%d rounds, %,d requests, %.0f s; the compiler threads used %.1f %% of a core in the"
                    + " last round%s%s", rounds, requests, seconds, lastShare * 100,
                    quiet ? "" : " (not yet quiet when the rounds ran out)",
                    Double.isNaN(timedShare) ? "" : String.format(", %.1f %% while the timed requests ran",
                            timedShare * 100));
        }
    }

    /** One round of warm-up requests; answers how many it sent. */
    public interface Round {
        int run() throws Exception;
    }

    /**
     * Runs rounds until, over {@code quietRounds} rounds in a row, the JVMs' compiler threads used less than
     * {@code quietShare} of one core (at most {@code maxRounds}): C2 compiles in bursts, so one quiet round
     * is not yet the end of it.
     */
    public WarmUp warmUp(Round round, int quietRounds, int maxRounds, double quietShare, Consumer<String> log)
            throws Exception {
        long start = System.nanoTime();
        int requests = 0;
        int quietInARow = 0;
        double share = 1;
        for (int r = 1; r <= maxRounds; r++) {
            long ticks = compilerTicks();
            long roundStart = System.nanoTime();
            requests += round.run();
            double seconds = (System.nanoTime() - roundStart) / 1e9;
            share = (compilerTicks() - ticks) / TICKS_PER_SECOND / seconds;
            log.accept(String.format("  warm-up round %d: %.1f s, compiler threads %.1f %% of a core", r, seconds,
                    share * 100));
            quietInARow = share < quietShare ? quietInARow + 1 : 0;
            if (quietInARow >= quietRounds) {
                return new WarmUp(r, requests, share, true, (System.nanoTime() - start) / 1e9, Double.NaN);
            }
        }
        return new WarmUp(maxRounds, requests, share, false, (System.nanoTime() - start) / 1e9, Double.NaN);
    }

    /** The share of one core the compiler threads used since {@code ticksBefore} ({@link #compilerTicks}), over {@code seconds}. */
    public double shareSince(long ticksBefore, double seconds) throws IOException {
        return (compilerTicks() - ticksBefore) / TICKS_PER_SECOND / seconds;
    }

    /** CPU ticks (user + system) of the threads HotSpot names "C1 CompilerThre…" and "C2 CompilerThre…". */
    public long compilerTicks() throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            ticks += compilerTicks(pid);
        }
        return ticks;
    }

    private static long compilerTicks(long pid) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException e) {
                    // the thread ended between listing and reading: its ticks are gone with it
                }
            }
        }
        return ticks;
    }
}
