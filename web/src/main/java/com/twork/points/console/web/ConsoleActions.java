package com.twork.points.console.web;

import com.twork.points.ops.boundary.FailureAlertService;
import com.twork.points.security.boundary.AccountService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The two buttons of the console's frame, as plain POST endpoints (the {@link ConsoleFilter} has checked the
 * session and the CSRF token): log out, and dismiss the failure alert (until new failures arrive).
 */
@WebServlet(urlPatterns = {"/admin/logout", "/admin/dismiss-alert"})
public class ConsoleActions extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @Inject
    transient FailureAlertService alerts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffSession staff = (StaffSession) request.getAttribute(ConsoleFilter.STAFF);
        if (request.getServletPath().endsWith("/logout")) {
            accounts.logout(staff.token());
            ConsoleCookies.clear(request, response, ConsoleCookies.SESSION);
            response.sendRedirect(request.getContextPath() + ConsoleFilter.LOGIN_PAGE);
        } else {
            alerts.dismiss();
            response.sendRedirect(request.getContextPath() + "/admin/?done=dismissed");
        }
    }
}
