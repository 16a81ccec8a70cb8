package com.twork.points.client.examples;

import com.twork.points.client.queue.OfflineQueue;
import com.twork.points.client.queue.QueueListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Example: the offline queue's telemetry in a Micrometer registry (Prometheus, Datadog, ... through the registry
 * you use). Counters per outcome, a timer of backoff delays, and gauges of the list sizes.
 *
 * <pre>{@code
 * MicrometerQueueMetrics metrics = new MicrometerQueueMetrics(registry);
 * OfflineQueue queue = OfflineQueue.builder(client, file, key).listener(metrics).open();
 * metrics.watch(queue);
 * }</pre>
 */
public final class MicrometerQueueMetrics implements QueueListener {
    private final MeterRegistry registry;
    private final Timer backoff;

    public MicrometerQueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.backoff = Timer.builder("twork.points.queue.backoff")
                .description("Waits before the next replay attempt")
                .register(registry);
    }

    /** Gauges of what waits and what was given up, read from the queue's counters when scraped. */
    public void watch(OfflineQueue queue) {
        Gauge.builder("twork.points.queue.pending", queue, q -> q.counters().pending())
                .description("Transactions waiting for the server")
                .register(registry);
        Gauge.builder(
                        "twork.points.queue.dead_letters",
                        queue,
                        q -> q.counters().deadLetters())
                .description("Transactions the queue stopped sending")
                .register(registry);
    }

    @Override
    public void onSuccess(Synced event) {
        Counter.builder("twork.points.queue.synced")
                .tag("status", event.status().wire())
                .register(registry)
                .increment();
    }

    @Override
    public void onFailure(AttemptFailed event) {
        Counter.builder("twork.points.queue.failures")
                .tag("retry", Boolean.toString(event.willRetry()))
                .tag("error", event.error().getClass().getSimpleName())
                .register(registry)
                .increment();
    }

    @Override
    public void onBackoff(BackoffScheduled event) {
        backoff.record(event.delay());
    }

    @Override
    public void onDeadLetter(DeadLettered event) {
        Counter.builder("twork.points.queue.dead_lettered")
                .tag("code", event.deadLetter().code())
                .register(registry)
                .increment();
    }
}
