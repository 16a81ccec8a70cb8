package com.twork.points.launcher.tools.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed-loop load on the database for the raw-JDBC ceilings: each thread holds one connection and runs one operation
 * after the other for the given time, as a pooled application server would (the pool has 32 connections, so never
 * more threads than that).
 */
final class JdbcLoad {
    static final int POOL_SIZE = 32;
    private static final int ERROR_SAMPLES = 5;

    /** One operation on a connection the load owns; a failure is counted, rolled back and the loop goes on. */
    @FunctionalInterface
    interface Operation {
        void run(Connection connection) throws SQLException;
    }

    /** Prepares each thread's connection once (isolation level, autocommit). */
    @FunctionalInterface
    interface Setup {
        void prepare(Connection connection) throws SQLException;
    }

    /** Throughput and latency of one operation at one concurrency, with the first distinct errors seen. */
    record Measured(long operations, double seconds, long errors, long[] latenciesMicros, List<String> errorSamples) {
        double perSecond() {
            return operations / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[
                    Math.min(latenciesMicros.length - 1, (int) Math.ceil(p / 100 * latenciesMicros.length) - 1)];
        }
    }

    private JdbcLoad() {}

    static Measured measure(
            Supplier<Connection> connections, int clients, Duration duration, Setup setup, Operation operation)
            throws InterruptedException {
        int threads = Math.min(clients, POOL_SIZE);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        Set<String> samples = Collections.synchronizedSet(new LinkedHashSet<>());
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[2_000_000];
            int[] count = new int[1];
            perThread.add(latencies);
            counts.add(count);
            workers.add(new Thread(() -> {
                try (Connection connection = connections.get()) {
                    setup.prepare(connection);
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        try {
                            operation.run(connection);
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            remember(samples, e);
                            try {
                                connection.rollback();
                            } catch (SQLException ignored) {
                                // the connection is judged by the next operation
                            }
                        }
                        if (count[0] < latencies.length) {
                            latencies[count[0]++] = (System.nanoTime() - started) / 1_000;
                        }
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    remember(samples, e);
                }
            }));
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = counts.stream().mapToLong(c -> c[0]).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts.get(t)[0]);
            at += counts.get(t)[0];
        }
        Arrays.sort(all);
        List<String> errorSamples;
        synchronized (samples) {
            errorSamples = List.copyOf(samples);
        }
        return new Measured(total, seconds, errors.get(), all, errorSamples);
    }

    private static void remember(Set<String> samples, SQLException e) {
        synchronized (samples) {
            if (samples.size() < ERROR_SAMPLES) {
                samples.add(e.getErrorCode() + "/" + e.getSQLState() + ": " + e.getMessage());
            }
        }
    }
}
