package com.twork.points.sync.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;
import java.util.Map;

/** More items than {@code sync_batch_limit}: nothing of the batch is applied. */
public class BatchTooLargeException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final int limit;
    private final int size;

    public BatchTooLargeException(int limit, int size) {
        super("Too many transactions in one batch: " + size + " (the limit is " + limit + ")");
        this.limit = limit;
        this.size = size;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("limit", limit, "size", size);
    }
}
