package com.twork.points.platform.rest;

import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.ClientAddresses;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what the request offers as credentials (the Basic header, WooCommerce's {@code consumer_key} and
 * {@code consumer_secret} query parameters, or the session cookie with {@code X-WP-Nonce}) and who the client is
 * (trusted-proxy aware) into the request's {@link CallerContext}. Verifies nothing: the interceptors on the
 * service boundary do that, after the request's own shape has been checked.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class CredentialsFilter implements ContainerRequestFilter {
    public static final String NONCE_HEADER = "X-WP-Nonce";

    @Inject
    CallerContext caller;

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    SettingsService settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String peer = servletRequest.getRemoteAddr();
        String forwardedFor = request.getHeaderString("X-Forwarded-For");
        // Settings are read only when there is a forwarded address to judge (every request passes here).
        String client = forwardedFor == null
                ? peer
                : ClientAddresses.resolve(peer, forwardedFor, settings.current().raw(SettingKey.TRUSTED_PROXIES));
        caller.present(read(request), client);
    }

    /** Basic header first, then WooCommerce query parameters, then the session cookie (with its nonce). */
    static PresentedCredentials read(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null) {
            return fromHeader(authorization.trim());
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String key = query.getFirst("consumer_key");
        String secret = query.getFirst("consumer_secret");
        if (key == null && secret == null) {
            Cookie session = request.getCookies().get(SessionCookies.NAME);
            if (session != null && !session.getValue().isBlank()) {
                String nonce = request.getHeaderString(NONCE_HEADER);
                return new PresentedCredentials.Session(
                        session.getValue(), Optional.ofNullable(nonce).filter(value -> !value.isBlank()));
            }
            return new PresentedCredentials.None();
        }
        if (key == null || secret == null || key.isEmpty() || secret.isEmpty()) {
            return new PresentedCredentials.Malformed("incomplete key pair in the query string");
        }
        return new PresentedCredentials.ApiKeyPair(key, secret);
    }

    private static PresentedCredentials fromHeader(String authorization) {
        if (!authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return new PresentedCredentials.Malformed("not a Basic authorization header");
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new PresentedCredentials.Malformed("Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return new PresentedCredentials.Malformed("Basic credentials are not key:secret");
        }
        return new PresentedCredentials.ApiKeyPair(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
