package com.twork.points.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with its error envelope {@code {"code", "message", "data": {"status", ...}}}. The subclass
 * tells the kind (by HTTP status); {@link #code()} tells the exact reason, {@link #data()} carries the extra fields
 * (e.g. {@code current_balance} and {@code required} of {@code insufficient_points}, {@code params} of
 * {@code rest_invalid_param}).
 */
public class PointsApiException extends PointsClientException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> data;
    private final Duration retryAfter;
    private final String requestId;

    public PointsApiException(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        super(message, null);
        this.status = status;
        this.code = code;
        this.data = Map.copyOf(data);
        this.retryAfter = retryAfter.orElse(null);
        this.requestId = requestId.orElse(null);
    }

    /** The exception of the right kind for an error answer. */
    public static PointsApiException of(
            int status,
            String code,
            String message,
            Map<String, Object> data,
            Optional<Duration> retryAfter,
            Optional<String> requestId) {
        if ("insufficient_points".equals(code)) {
            return new InsufficientPointsException(status, code, message, data, retryAfter, requestId);
        }
        if (status >= 500) {
            return new ServerErrorException(status, code, message, data, retryAfter, requestId);
        }
        return switch (status) {
            case 400, 413, 415, 422 -> new BadRequestException(status, code, message, data, retryAfter, requestId);
            case 401 -> new UnauthorizedException(status, code, message, data, retryAfter, requestId);
            case 403 -> new ForbiddenException(status, code, message, data, retryAfter, requestId);
            case 404 -> new NotFoundException(status, code, message, data, retryAfter, requestId);
            case 409 -> new ConflictException(status, code, message, data, retryAfter, requestId);
            case 429 -> new TooManyRequestsException(status, code, message, data, retryAfter, requestId);
            default -> new PointsApiException(status, code, message, data, retryAfter, requestId);
        };
    }

    /** The HTTP status, equal to the envelope's {@code data.status}. */
    public int status() {
        return status;
    }

    /** The server's machine-readable reason, e.g. {@code insufficient_points}, {@code rest_forbidden}. */
    public String code() {
        return code;
    }

    /** The envelope's {@code data}: {@code status} and the route's extra fields, as JSON types (Long, String, ...). */
    public Map<String, Object> data() {
        return data == null ? Map.of() : data;
    }

    /** The server's {@code Retry-After}, when it sent one (429, some 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code X-Request-Id} of the answer: quote it when asking the operators about a failure. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + status + " " + code + ": " + getMessage() + "]";
    }
}
