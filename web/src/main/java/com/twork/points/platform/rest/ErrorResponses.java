package com.twork.points.platform.rest;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds error responses in the envelope; the HTTP status always equals {@code data.status}. */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static Response of(int status, String code, String message) {
        return of(status, code, message, Map.of());
    }

    public static Response of(int status, String code, String message, Map<String, Object> extra) {
        return Response.status(status)
                .type(PointsApi.JSON)
                .entity(ErrorBody.of(status, code, message, extra))
                .build();
    }

    public static Response noRoute() {
        return of(404, "rest_no_route", "No route was found matching the URL and request method.");
    }
}
