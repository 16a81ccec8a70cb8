package com.twork.points.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code Content-Type} or {@code Accept} header nobody can parse ({@code ;;;==}, an empty value) makes the
 * JAX-RS runtime answer a bare 400 with the container's HTML page while it matches the route, before any of our
 * checks. Such a header is treated as absent instead: a GET is answered normally, and a body without a readable
 * media type gets the usual 415 envelope from the body checks (SPEC §3.0 order: route, size, media type...).
 */
@WebFilter(urlPatterns = "/wp-json/twork/v1/points/*")
public class UnreadableMediaHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> MEDIA_HEADERS = Set.of("content-type", "accept");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean contentTypeReadable = readable(request.getHeaders("Content-Type"));
        boolean acceptReadable = readable(request.getHeaders("Accept"));
        if (contentTypeReadable && acceptReadable) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new WithoutHeaders(request, !contentTypeReadable, !acceptReadable), response);
    }

    private static boolean readable(Enumeration<String> values) {
        if (values == null) {
            return true;
        }
        for (String value : Collections.list(values)) {
            for (String part : value.split(",", -1)) {
                try {
                    if (part.isBlank()) {
                        return false;
                    }
                    MediaType.valueOf(part.trim());
                } catch (IllegalArgumentException unreadable) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The request as if the unreadable headers had not been sent. */
    private static final class WithoutHeaders extends HttpServletRequestWrapper {
        private final boolean hideContentType;
        private final boolean hideAccept;

        WithoutHeaders(HttpServletRequest request, boolean hideContentType, boolean hideAccept) {
            super(request);
            this.hideContentType = hideContentType;
            this.hideAccept = hideAccept;
        }

        private boolean hidden(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return MEDIA_HEADERS.contains(lower) && (lower.equals("content-type") ? hideContentType : hideAccept);
        }

        @Override
        public String getContentType() {
            return hideContentType ? null : super.getContentType();
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name))
                    .toList());
        }
    }
}
