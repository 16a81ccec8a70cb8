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
import java.util.List;
import java.util.function.BiConsumer;

/**
 * CORS (SPEC §3.0): preflights are answered here; allowed request headers are listed explicitly, our own
 * response headers are exposed, and only origins in {@code cors_allowed_origins} ({@code *}: any) get an
 * {@code Access-Control-Allow-Origin}: listed origins with credentials (the origin echoed), {@code *} without.
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
            Allowance allowance = allowance(origin);
            if (allowance != Allowance.NONE) {
                allowance.apply(preflight::header, origin);
                preflight
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
        Allowance allowance = allowance(origin);
        if (allowance != Allowance.NONE) {
            allowance.apply((name, value) -> response.getHeaders().putSingle(name, value), origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /**
     * {@code *} lets any page read answers, but without cookies (so no page can use a visitor's session); only
     * origins listed by name get credentialed access. The opaque origin {@code null} never does.
     */
    enum Allowance {
        NONE,
        ANY_WITHOUT_CREDENTIALS,
        LISTED_WITH_CREDENTIALS;

        void apply(BiConsumer<String, Object> header, String origin) {
            if (this == ANY_WITHOUT_CREDENTIALS) {
                header.accept("Access-Control-Allow-Origin", "*");
            } else if (this == LISTED_WITH_CREDENTIALS) {
                header.accept("Access-Control-Allow-Origin", origin);
                header.accept("Access-Control-Allow-Credentials", "true");
            }
        }
    }

    private Allowance allowance(String origin) {
        if ("null".equalsIgnoreCase(origin.trim())) {
            return Allowance.NONE;
        }
        List<String> configured = Arrays.stream(
                        settings.current().raw(SettingKey.CORS_ALLOWED_ORIGINS).split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
        if (configured.stream().anyMatch(candidate -> !"*".equals(candidate) && candidate.equalsIgnoreCase(origin))) {
            return Allowance.LISTED_WITH_CREDENTIALS;
        }
        return configured.contains("*") ? Allowance.ANY_WITHOUT_CREDENTIALS : Allowance.NONE;
    }
}
