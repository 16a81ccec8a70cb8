package com.twork.points.launcher.tools.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Closed-loop load from this JVM: {@code clients} threads each send the next request as soon as the last one is
 * answered, for a fixed time; every request's latency is kept for the percentiles.
 */
final class ClosedLoop {
    /** Requests per second over the period, latency percentiles in milliseconds, requests that failed. */
    record Outcome(double perSecond, double p50, double p99, long errors) {}

    private ClosedLoop() {}

    /** Runs {@code request} (true when it succeeded) from {@code clients} threads for {@code seconds}. */
    static Outcome run(int clients, int seconds, BooleanSupplier request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> latencies = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            latencies.add(pool.submit(() -> {
                long[] took = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    if (!request.getAsBoolean()) {
                        errors.incrementAndGet();
                    }
                    if (n == took.length) {
                        took = Arrays.copyOf(took, n * 2);
                    }
                    took[n++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(took, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<long[]> future : latencies) {
                for (long took : future.get()) {
                    all.add(took);
                }
            }
        } finally {
            pool.shutdown();
        }
        all.sort(null);
        double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        return new Outcome(all.size() / (double) seconds, p50, p99, errors.get());
    }
}
