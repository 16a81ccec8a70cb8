package com.twork.points.platform.rest;

import java.util.Map;

/**
 * A request rejected at the HTTP layer, before any service ran (body too large, wrong media type, bad JSON, bad
 * query parameters). Carries its wire status, code and message itself: these failures exist only on the wire.
 */
public class RequestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> extra;

    public RequestFailure(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    public static RequestFailure payloadTooLarge(long limit) {
        return new RequestFailure(
                413,
                "rest_payload_too_large",
                "The request body is larger than the limit of " + limit + " bytes.",
                Map.of());
    }

    public static RequestFailure unsupportedMediaType() {
        return new RequestFailure(
                415,
                "rest_unsupported_media_type",
                "The request body must be JSON (Content-Type: application/json).",
                Map.of());
    }

    public static RequestFailure invalidJson() {
        return new RequestFailure(400, "rest_invalid_json", "Invalid JSON body passed.", Map.of());
    }

    /** WordPress's shape: {@code data.params} maps each bad parameter to what is wrong with it. */
    public static RequestFailure invalidParams(Map<String, String> problems) {
        return new RequestFailure(
                400,
                "rest_invalid_param",
                "Invalid parameter(s): " + String.join(", ", problems.keySet()),
                Map.of("params", problems));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
