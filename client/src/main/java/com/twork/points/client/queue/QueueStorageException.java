package com.twork.points.client.queue;

/** The queue file or its key store could not be read or written; the in-memory queue is unchanged. */
public class QueueStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
