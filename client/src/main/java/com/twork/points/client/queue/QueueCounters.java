package com.twork.points.client.queue;

/**
 * Counts since the queue was opened, and the current list sizes.
 *
 * @param enqueued transactions added
 * @param alreadyQueued additions ignored because the id was already waiting or dead-lettered
 * @param applied transactions the server wrote
 * @param duplicates transactions the server already had
 * @param batchesSent sync requests sent (answered or not)
 * @param failures failed attempts (network, 5xx, 429 and whole-batch rejections)
 * @param backoffs waits scheduled
 * @param deadLettered transactions moved to the dead-letter list
 * @param retried dead letters put back in the queue by the caller
 * @param discarded dead letters discarded by the caller
 */
public record QueueCounters(
        long enqueued,
        long alreadyQueued,
        long applied,
        long duplicates,
        long batchesSent,
        long failures,
        long backoffs,
        long deadLettered,
        long retried,
        long discarded,
        int pending,
        int deadLetters) {}
