package com.twork.points.platform.rest;

import com.twork.points.ops.control.FailureAlerts;
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
 * Whatever nothing else mapped: logged in full with the request id, answered as a bare 500 envelope that
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
