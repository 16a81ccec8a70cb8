package com.twork.points.console.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's cookies, sent only to {@code /admin}: the session ({@code twork_console}) and, before login, the
 * login form's double-submit CSRF token. HttpOnly, SameSite=Strict, Secure over HTTPS, browser-session only.
 */
final class ConsoleCookies {
    static final String SESSION = "twork_console";
    static final String LOGIN_CSRF = "twork_console_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleCookies() {}

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        response.addHeader("Set-Cookie", header(request, name, value, false));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        response.addHeader("Set-Cookie", header(request, name, "", true));
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String header(HttpServletRequest request, String name, String value, boolean expire) {
        return name + "=" + value + "; Path=" + request.getContextPath() + "/admin; HttpOnly; SameSite=Strict"
                + (ConsoleFilter.overHttps(request) ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
