package com.twork.points.platform.web;

import com.twork.points.platform.rest.PointsApi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Outside the API, a method the servlet container does not know ({@code PATCH}, {@code PROPFIND}) would reach the
 * container's static-file servlet and come back as 501 with its HTML error page. It is a client's mistake, so it
 * is answered 405 with the methods the console and static files take. The API answers such methods itself (404
 * {@code rest_no_route}, SPEC §3.0).
 */
@WebFilter(urlPatterns = "/*")
public class UnknownMethodFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SERVLET_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.equals(PointsApi.PREFIX) || path.startsWith(PointsApi.PREFIX + "/");
        if (api || SERVLET_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, POST");
        response.setContentLength(0);
    }
}
