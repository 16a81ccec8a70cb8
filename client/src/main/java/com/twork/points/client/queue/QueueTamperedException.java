package com.twork.points.client.queue;

/**
 * The queue file failed authentication: it was altered, truncated, or written with another key. Nothing of it is
 * used; the caller decides what to do with the file (the queue never discards it on its own).
 */
public class QueueTamperedException extends QueueStorageException {
    private static final long serialVersionUID = 1L;

    public QueueTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
