package com.twork.points.client;

/**
 * An answer that is not the API's: a success without the expected JSON (e.g. cut off by a proxy). The request may
 * have been applied, so writes are repeated with the same {@code Idempotency-Key}.
 */
public class PointsProtocolException extends PointsClientException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PointsProtocolException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the unreadable answer. */
    public int status() {
        return status;
    }
}
