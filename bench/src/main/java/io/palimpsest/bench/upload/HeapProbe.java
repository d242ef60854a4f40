package io.palimpsest.bench.upload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heap during one stretch of work, from two sources: {@code jvm.memory.used} (heap)
 * from its actuator, sampled every {@value #SAMPLE_MILLIS} ms, and its GC log ({@code -Xlog:gc}),
 * whose {@code before->after(capacity)} figures catch the peaks just before each collection that
 * sampling misses, and give the heap still in use after each collection.
 */
public final class HeapProbe implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
    private static final Pattern GC_PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path gcLog;
    private final long gcLogStart;
    private final AtomicLong maxSampled = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapProbe(String metricsUrl, Path gcLog) throws IOException {
        this.gcLog = gcLog;
        this.gcLogStart = Files.size(gcLog);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(5)).build();
        this.sampler = new Thread(() -> {
            while (running) {
                try {
                    String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    Matcher value = VALUE.matcher(body);
                    if (value.find()) {
                        maxSampled.accumulateAndGet((long) Double.parseDouble(value.group(1)), Math::max);
                        samples.incrementAndGet();
                    }
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // a missed sample; the GC log still has the peaks
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling; the GC log is read from its current end. */
    public static HeapProbe start(String managementBase, Path gcLog) throws IOException {
        return new HeapProbe(managementBase + "/actuator/metrics/jvm.memory.used?tag=area:heap", gcLog);
    }

    /** Stops sampling (after one more sample interval) and summarises what was seen. */
    public Heap finish() throws IOException, InterruptedException {
        Thread.sleep(2 * SAMPLE_MILLIS);
        running = false;
        sampler.interrupt();
        sampler.join();
        long beforeGc = 0;
        long afterGc = 0;
        int collections = 0;
        try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
            byte[] added = new byte[(int) (file.length() - gcLogStart)];
            file.seek(gcLogStart);
            file.readFully(added);
            Matcher pause = GC_PAUSE.matcher(new String(added, StandardCharsets.UTF_8));
            while (pause.find()) {
                collections++;
                beforeGc = Math.max(beforeGc, Long.parseLong(pause.group(1)) << 20);
                afterGc = Math.max(afterGc, Long.parseLong(pause.group(2)) << 20);
            }
        }
        return new Heap(maxSampled.get(), samples.get(), beforeGc, afterGc, collections);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /**
     * @param maxSampled largest sampled heap use, bytes
     * @param beforeGc   largest heap use just before a collection (GC log), bytes; 0 without collections
     * @param afterGc    largest heap use just after a collection (GC log), bytes: what stayed reachable
     */
    public record Heap(long maxSampled, long samples, long beforeGc, long afterGc, int collections) {

        /** The highest heap use seen by either source. */
        public long peak() {
            return Math.max(maxSampled, beforeGc);
        }
    }
}
