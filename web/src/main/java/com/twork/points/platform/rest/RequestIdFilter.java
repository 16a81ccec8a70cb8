package com.twork.points.platform.rest;

import com.twork.points.ops.control.LogContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new one; echoed
 * on the response and quoted by the last-resort error so a support request can be matched to the logs.
 * Pre-matching, so even unknown routes carry one.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "twork.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && SANE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        LogContext.requestId(id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        // Balances are personal: no shared cache may keep them.
        response.getHeaders().putSingle("Cache-Control", "no-store");
        LogContext.clear();
    }
}
