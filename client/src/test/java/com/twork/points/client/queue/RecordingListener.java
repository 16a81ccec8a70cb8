package com.twork.points.client.queue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it receives, in order (also used by the web ITs). */
public final class RecordingListener implements QueueListener {
    public final List<Synced> successes = new CopyOnWriteArrayList<>();
    public final List<AttemptFailed> failures = new CopyOnWriteArrayList<>();
    public final List<BackoffScheduled> backoffs = new CopyOnWriteArrayList<>();
    public final List<DeadLettered> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public void onSuccess(Synced event) {
        successes.add(event);
    }

    @Override
    public void onFailure(AttemptFailed event) {
        failures.add(event);
    }

    @Override
    public void onBackoff(BackoffScheduled event) {
        backoffs.add(event);
    }

    @Override
    public void onDeadLetter(DeadLettered event) {
        deadLetters.add(event);
    }
}
