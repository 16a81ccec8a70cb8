package com.twork.points.platform.rest;

import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * CORS (SPEC §3.0): preflights are answered here; allowed request headers are listed explicitly, our own
 * response headers are exposed, and only origins in {@code cors_allowed_origins} ({@code *}: any) get an
 * {@code Access-Control-Allow-Origin}. The origin is echoed, never {@code *}, because cookies may ride along.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 1000)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-WP-Nonce, Idempotency-Key, X-Request-Id";
    static final String EXPOSED_HEADERS = "X-WP-Nonce, Idempotency-Replayed, Retry-After, X-Request-Id";
    static final String METHODS = "GET, POST, PUT, OPTIONS";

    @Inject
    SettingsService settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod())
                && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent().header("Vary", "Origin");
            if (allowed(origin)) {
                preflight
                        .header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Credentials", "true")
                        .header("Access-Control-Allow-Methods", METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        response.getHeaders().add("Vary", "Origin");
        if (allowed(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Allow-Credentials", "true");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private boolean allowed(String origin) {
        String configured =
                settings.current().raw(SettingKey.CORS_ALLOWED_ORIGINS).trim();
        return "*".equals(configured)
                || Arrays.stream(configured.split(","))
                        .map(String::trim)
                        .anyMatch(candidate -> candidate.equalsIgnoreCase(origin));
    }
}
