package io.palimpsest.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every benchmark's {@code main} does around its measurements: a fresh temporary work directory,
 * the servers it starts stopped however the run ends (by a shutdown hook too), a watchdog that ends a
 * run exceeding its bound, and the rendered section written into the report file.
 */
public final class BenchmarkRun {

    /** One benchmark, set up in its work directory. */
    public interface Benchmark {

        /** Runs every measurement and renders the report section. */
        String section(ZonedDateTime started) throws Exception;

        /** Stops every server it started; may be called more than once, from any thread. */
        void stopAll();

        /** A benchmark of its measuring-and-rendering step and its way of stopping its servers. */
        static Benchmark of(Section section, Runnable stopAll) {
            return new Benchmark() {
                @Override
                public String section(ZonedDateTime started) throws Exception {
                    return section.render(started);
                }

                @Override
                public void stopAll() {
                    stopAll.run();
                }
            };
        }
    }

    /** Runs every measurement and renders the report section ({@link Benchmark#section}). */
    public interface Section {
        String render(ZonedDateTime started) throws Exception;
    }

    /** Writes a rendered section into the report file, between the benchmark's markers. */
    public interface SectionWriter {
        void write(Path file, String section) throws IOException;
    }

    /** Sets a benchmark up in its work directory. */
    public interface SetUp {
        Benchmark in(Path work) throws IOException;
    }

    private BenchmarkRun() {
    }

    public static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: build it first (mvn -B -q -DskipTests package)");
        }
    }

    /**
     * Runs the benchmark and ends the JVM: status 0 once its section is written to {@code output}, 1 if
     * the run failed, 3 if it took longer than {@code maxRun}. The work directory is deleted either way.
     */
    public static void runAndExit(String workPrefix, Duration maxRun, Path output, SectionWriter writer, SetUp setUp)
            throws IOException {
        Path work = Files.createTempDirectory(workPrefix);
        Benchmark benchmark = setUp.in(work);
        Thread cleanup = new Thread(benchmark::stopAll, "stop-servers");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(maxRun.toMillis());
                System.out.println("the whole run exceeded " + maxRun + ": stopping everything");
                System.exit(3); // the shutdown hook stops the servers
            } catch (InterruptedException finished) {
                // the run ended in time
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status = 0;
        try {
            String section = benchmark.section(ZonedDateTime.now());
            writer.write(output, section);
            System.out.println(section);
            System.out.println("Written to " + output.toAbsolutePath());
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.stopAll();
            watchdog.interrupt();
            deleteRecursively(work);
        }
        Runtime.getRuntime().removeShutdownHook(cleanup);
        System.exit(status);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
