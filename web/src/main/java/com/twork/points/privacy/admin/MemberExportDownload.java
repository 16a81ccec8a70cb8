package com.twork.points.privacy.admin;

import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.privacy.boundary.PrivacyService;
import com.twork.points.privacy.control.MemberExport;
import com.twork.points.security.boundary.PermissionDeniedException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /admin/member-export?id=N}: the console's "Export data" button, the same document as {@code GET
 * /members/{id}/export}, streamed as a download. The console filter has identified the staff member; the service
 * checks the role again.
 */
@WebServlet(urlPatterns = "/admin/member-export")
public class MemberExportDownload extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PrivacyService privacy;

    @Inject
    transient MemberExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long userId = Long.parseLong(id);
        MemberExport.Derived derived;
        try {
            derived = privacy.export(userId);
        } catch (MemberNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (PermissionDeniedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"twork-points-member-" + userId + ".json\"");
        export.write(userId, derived, response.getOutputStream());
    }
}
