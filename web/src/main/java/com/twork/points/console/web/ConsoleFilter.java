package com.twork.points.console.web;

import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.ClientAddresses;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The console's gate, in front of every {@code /admin} request but its static files: who is calling (a live
 * staff session from the {@code twork_console} cookie, else a redirect to the login page), whether a POST carries
 * this session's CSRF token (else 403, nothing runs), whether the page is for ADMIN only, and who the client is
 * (trusted-proxy aware). The services behind the pages check the role again on every call.
 */
@WebFilter(urlPatterns = "/admin/*")
public class ConsoleFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String STAFF = "twork.console.staff";
    static final String HTTPS = "twork.console.https";
    static final String LOGIN_CSRF = "twork.console.login-csrf";
    static final String CSRF_PARAMETER = "_csrf";
    static final String LOGIN_PAGE = "/admin/login.xhtml";
    private static final Set<String> ADMIN_PAGES =
            Set.of("/admin/settings.xhtml", "/admin/keys.xhtml", "/admin/accounts.xhtml");

    @Inject
    transient ConsoleSessions sessions;

    @Inject
    transient CallerContext caller;

    @Inject
    transient SettingsService settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/admin/static/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String trustedProxies = settings.current().raw(SettingKey.TRUSTED_PROXIES);
        String peer = request.getRemoteAddr();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = forwardedFor == null ? peer : ClientAddresses.resolve(peer, forwardedFor, trustedProxies);
        request.setAttribute(
                HTTPS,
                request.isSecure()
                        || (ClientAddresses.isTrusted(peer, trustedProxies)
                                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))));
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        Optional<StaffSession> staff =
                ConsoleCookies.read(request, ConsoleCookies.SESSION).flatMap(sessions::find);
        if (path.equals(LOGIN_PAGE)) {
            login(request, response, chain, staff, post, client);
            return;
        }
        if (staff.isEmpty()) {
            if (ConsoleCookies.read(request, ConsoleCookies.SESSION).isPresent()) {
                ConsoleCookies.clear(request, response, ConsoleCookies.SESSION);
            }
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return;
        }
        StaffSession verified = staff.get();
        String token = verified.csrf();
        if (post) {
            token = request.getParameter(CSRF_PARAMETER);
            if (!sessions.csrfMatches(verified, token)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        if (ADMIN_PAGES.contains(path) && !verified.isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        caller.present(new PresentedCredentials.Session(verified.token(), Optional.of(token)), client);
        request.setAttribute(STAFF, verified);
        chain.doFilter(request, response);
    }

    /** The login page: open to all, its form protected by a double-submit token (cookie = hidden field). */
    private void login(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Optional<StaffSession> staff,
            boolean post,
            String client)
            throws IOException, ServletException {
        if (staff.isPresent() && !post) {
            response.sendRedirect(request.getContextPath() + "/admin/");
            return;
        }
        Optional<String> cookie = ConsoleCookies.read(request, ConsoleCookies.LOGIN_CSRF);
        if (post && (cookie.isEmpty() || !same(cookie.get(), request.getParameter(CSRF_PARAMETER)))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String token = cookie.orElseGet(() -> {
            String fresh = ConsoleCookies.randomToken();
            ConsoleCookies.write(request, response, ConsoleCookies.LOGIN_CSRF, fresh);
            return fresh;
        });
        request.setAttribute(LOGIN_CSRF, token);
        caller.present(
                ConsoleCookies.read(request, ConsoleCookies.SESSION)
                        .<PresentedCredentials>map(
                                session -> new PresentedCredentials.Session(session, Optional.empty()))
                        .orElseGet(PresentedCredentials.None::new),
                client);
        chain.doFilter(request, response);
    }

    static boolean overHttps(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(HTTPS));
    }

    private static boolean same(String expected, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
