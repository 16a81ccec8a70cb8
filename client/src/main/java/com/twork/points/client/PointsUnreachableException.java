package com.twork.points.client;

import java.io.IOException;

/**
 * No HTTP answer: connection refused or reset, timeout, DNS failure. Whether the server received the request is
 * unknown, so a write should be repeated with the same {@code Idempotency-Key} (the offline queue does).
 */
public class PointsUnreachableException extends PointsClientException {
    private static final long serialVersionUID = 1L;

    public PointsUnreachableException(String message, IOException cause) {
        super(message, cause);
    }
}
