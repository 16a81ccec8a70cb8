package com.twork.points.platform.rest;

import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.platform.control.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A database outage becomes 503 {@code service_unavailable} with {@code Retry-After}. Whatever nothing else mapped: logged in full with the request id, answered as a bare 500 envelope that
 * quotes the id and reveals nothing about the inside.
 */
@Provider
@ApplicationScoped
public class LastResortMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(LastResortMapper.class.getName());

    @Inject
    HttpServletRequest request;

    @Inject
    FailureAlerts failures;

    @Override
    public Response toResponse(Throwable failure) {
        Object requestId = request == null ? null : request.getAttribute(RequestIdFilter.PROPERTY);
        String id = requestId == null ? "unknown" : requestId.toString();
        if (DatabaseOutage.isCause(failure)) {
            // Not our fault and not the caller's: say "come back", keep the log short, record nothing (no database).
            LOG.warning(() -> "Database unreachable in request " + id + ": " + failure);
            return Response.fromResponse(ErrorResponses.of(
                            503,
                            "service_unavailable",
                            "The service is temporarily unavailable. Please try again shortly.",
                            Map.of("request_id", id)))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.log(Level.SEVERE, failure, () -> "Unexpected failure in request " + id);
        try {
            failures.record(
                    "request",
                    "Request " + id + " failed: " + failure.getClass().getSimpleName(),
                    Instant.now());
        } catch (RuntimeException alsoFailed) {
            LOG.log(Level.WARNING, "Could not record the failure (database unreachable?)", alsoFailed);
        }
        return ErrorResponses.of(
                500,
                "internal_error",
                "The server could not complete the request. Quote request id " + id + " when reporting it.",
                Map.of("request_id", id));
    }
}
