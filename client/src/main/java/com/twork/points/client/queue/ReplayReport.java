package com.twork.points.client.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * What one replay did.
 *
 * @param failedAttempts attempts that ended without the server's decision (the queue then backs off)
 * @param pending transactions still waiting afterwards
 * @param nextAttemptAt when the queue will try again by itself, if it is backing off
 */
public record ReplayReport(
        int applied,
        int duplicates,
        int deadLettered,
        int failedAttempts,
        int pending,
        Optional<Instant> nextAttemptAt) {}
