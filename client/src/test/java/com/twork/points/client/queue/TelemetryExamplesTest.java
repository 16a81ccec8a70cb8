package com.twork.points.client.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.client.PointsClient;
import com.twork.points.client.examples.MicrometerQueueMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logger listener and the Micrometer example, hooked to a queue that fails once, syncs and is refused. */
class TelemetryExamplesTest {
    @TempDir
    Path folder;

    @Test
    void aLoggerAndAMetricsRegistrySeeEveryOutcome() {
        CapturingLogger logger = new CapturingLogger();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerQueueMetrics metrics = new MicrometerQueueMetrics(registry);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.error(503, "service_unavailable", "Busy"))
                    .then(ScriptedServer.applyAll())
                    .then(ScriptedServer.error(404, "rest_invalid_user", "User not found"));
            PointsClient client = PointsClient.builder(server.uri())
                    .apiKey("ck_example", "cs_example_secret")
                    .build();
            try (OfflineQueue queue = OfflineQueue.builder(client, folder.resolve("q.bin"), QueueKey.generate())
                    .clock(clock)
                    .random(new Random(3))
                    .listener(new LoggingQueueListener(logger))
                    .listener(metrics)
                    .open()) {
                metrics.watch(queue);
                queue.enqueue(QueuedTransaction.earn("m-1", 5, 10).withDescription("Private note"));
                queue.replayNow();
                assertEquals(
                        1.0, registry.get("twork.points.queue.pending").gauge().value());
                queue.replayNow();
                queue.enqueue(QueuedTransaction.earn("m-2", 6, 10));
                queue.replayNow();

                assertEquals(
                        1.0,
                        registry.get("twork.points.queue.synced")
                                .tag("status", "applied")
                                .counter()
                                .count());
                assertEquals(
                        2.0,
                        registry.get("twork.points.queue.failures").counters().stream()
                                .mapToDouble(counter -> counter.count())
                                .sum());
                assertEquals(
                        1, registry.get("twork.points.queue.backoff").timer().count());
                assertEquals(
                        1.0,
                        registry.get("twork.points.queue.dead_lettered")
                                .tag("code", "rest_invalid_user")
                                .counter()
                                .count());
                assertEquals(
                        0.0, registry.get("twork.points.queue.pending").gauge().value());
                assertEquals(
                        1.0,
                        registry.get("twork.points.queue.dead_letters").gauge().value());
            }
        }
        assertEquals(
                List.of("INFO", "INFO", "DEBUG", "INFO", "WARNING"),
                logger.lines.stream().map(line -> line.split(" ", 2)[0]).toList());
        assertTrue(
                logger.lines.get(4).contains("point-m-2") && logger.lines.get(4).contains("rest_invalid_user"));
        for (String line : logger.lines) {
            assertTrue(!line.contains("Private note") && !line.contains("cs_example_secret"), line);
        }
    }

    /** A {@link System.Logger} that keeps "LEVEL message" lines. */
    private static final class CapturingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(level.getName() + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level.getName() + " " + java.text.MessageFormat.format(format, params));
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            lines.add(level.getName() + " " + supplier.get());
        }
    }
}
