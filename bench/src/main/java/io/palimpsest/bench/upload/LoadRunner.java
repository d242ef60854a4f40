package io.palimpsest.bench.upload;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code concurrency} threads each send one request, wait for its answer and send
 * the next, until {@code count} requests have been sent. Latency is measured per request from
 * before sending to the last byte of the answer.
 */
final class LoadRunner {

    /** Sends request number {@code index} and throws unless it succeeded. */
    @FunctionalInterface
    interface Request {
        void send(int index) throws Exception;
    }

    private LoadRunner() {
    }

    /** Requests {@code first} to {@code first + count - 1}. */
    static Result run(int concurrency, int first, int count, Request request) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        request.send(first + i);
                        latencies[succeeded.getAndIncrement()] = System.nanoTime() - sent;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, "load-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long[] ok = Arrays.copyOf(latencies, succeeded.get());
        Arrays.sort(ok);
        return new Result(ok, failed.get(), firstError.get(), wall);
    }

    /** @param latencies of the successful requests, in nanoseconds, sorted */
    record Result(long[] latencies, int errors, String firstError, Duration wall) {

        int succeeded() {
            return latencies.length;
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentileMillis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
            return latencies[Math.max(0, rank - 1)] / 1e6;
        }

        double p50() {
            return percentileMillis(50);
        }

        double p99() {
            return percentileMillis(99);
        }

        /** Successful requests per second of wall-clock time. */
        double throughput() {
            return latencies.length / (wall.toNanos() / 1e9);
        }
    }
}
