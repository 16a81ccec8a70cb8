package com.twork.points.ops.control;

/**
 * What the current thread is working on, for log lines: the request id (set by the web layer for the length
 * of a request, cleared after it).
 */
public final class LogContext {
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private LogContext() {}

    public static void requestId(String id) {
        REQUEST_ID.set(id);
    }

    public static String requestId() {
        return REQUEST_ID.get();
    }

    public static void clear() {
        REQUEST_ID.remove();
    }
}
