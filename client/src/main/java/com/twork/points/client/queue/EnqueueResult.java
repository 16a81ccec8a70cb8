package com.twork.points.client.queue;

/** What {@link OfflineQueue#enqueue} did with a transaction. */
public enum EnqueueResult {
    /** Stored (durably: in the file before the call returned). */
    QUEUED,
    /** A transaction with this id is already waiting: nothing changed. */
    ALREADY_QUEUED,
    /** A transaction with this id is in the dead-letter list: nothing changed (retry or discard it there). */
    ALREADY_DEAD_LETTERED
}
