package com.twork.points.platform.rest;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS (directly or, per a trusted
 * proxy, as {@code X-Forwarded-Proto: https}), valid for the browser session only, and sent only with requests
 * to the points API (not with every page of the shop's host).
 */
public final class SessionCookies {
    public static final String NAME = "twork_session";

    private SessionCookies() {}

    public static NewCookie issue(String token, boolean secure) {
        return base(token, secure).build();
    }

    public static NewCookie expire(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    /** HTTPS directly, or per {@code X-Forwarded-Proto} when the peer is one of our trusted proxies. */
    public static boolean overHttps(String forwardedProto, boolean directlySecure, boolean peerTrusted) {
        return directlySecure || (peerTrusted && "https".equalsIgnoreCase(forwardedProto));
    }

    private static NewCookie.Builder base(String value, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PointsApi.PREFIX)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
