package com.twork.points.console;

import static com.twork.points.it.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.ConsoleVisitor;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.SharedServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's safety at the HTTP level, where a browser would hide it: no page without a session, no POST
 * without this session's CSRF token, roles checked on the server, customers kept out, no stack trace, the
 * security headers and no caching of pages.
 */
@ExtendWith(SharedServer.class)
class ConsoleSecurityIT {
    static final String PASSWORD = "console-password-2";

    private static ConsoleVisitor staff(String role) {
        String login = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, role, null);
        ConsoleVisitor visitor = new ConsoleVisitor();
        HttpResponse<String> reply = visitor.login(login, PASSWORD);
        assertEquals(302, reply.statusCode(), reply.body());
        assertTrue(visitor.cookies.containsKey("twork_console"));
        return visitor;
    }

    private static Map<String, String> adjustForm(long member, String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("adjust", "adjust");
        form.put("id", Long.toString(member));
        form.put("adjust:delta", "500");
        form.put("adjust:reason", "Forged?");
        form.put("adjust:submit", "Adjust");
        form.put("jakarta.faces.ViewState", "stateless");
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return form;
    }

    @Test
    void withoutASessionEveryPageSendsToTheLoginPage() {
        ConsoleVisitor stranger = new ConsoleVisitor();
        for (String path : new String[] {"/admin/", "/admin/members.xhtml", "/admin/transactions.csv"}) {
            HttpResponse<String> reply = stranger.get(path);
            assertEquals(302, reply.statusCode(), path);
            assertTrue(reply.headers().firstValue("Location").orElseThrow().endsWith("/admin/login.xhtml"), path);
        }
        stranger.cookies.put("twork_console", "made-up-token");
        assertEquals(302, stranger.get("/admin/").statusCode(), "an unknown session is no session");
    }

    @Test
    void aPostWithoutThisSessionsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleVisitor admin = staff("ADMIN");
        ConsoleVisitor other = staff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 100, Fixtures.now(), null);
        String otherToken = other.csrf("/admin/member.xhtml?id=" + member);

        assertEquals(
                403, admin.post("/admin/member.xhtml", adjustForm(member, null)).statusCode());
        assertEquals(
                403,
                admin.post("/admin/member.xhtml", adjustForm(member, "forged")).statusCode());
        assertEquals(
                403,
                admin.post("/admin/member.xhtml", adjustForm(member, otherToken))
                        .statusCode(),
                "another session's token is worthless here");
        assertEquals(100, Ledger.assertInvariant(member));
        assertEquals(0, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'adjust'", member));

        String token = admin.csrf("/admin/member.xhtml?id=" + member);
        HttpResponse<String> done = admin.post("/admin/member.xhtml", adjustForm(member, token));
        assertEquals(302, done.statusCode(), "redirect after POST");
        assertTrue(done.headers().firstValue("Location").orElseThrow().contains("done=adjusted"));
        assertEquals(600, Ledger.assertInvariant(member));
    }

    @Test
    void theLoginFormNeedsItsOwnTokenAndCustomersStayOut() {
        ConsoleVisitor visitor = new ConsoleVisitor();
        HttpResponse<String> noToken = visitor.post(
                "/admin/login.xhtml",
                Map.of("login", "login", "login:name", "x", "login:password", "y", "login:submit", "Log in"));
        assertEquals(403, noToken.statusCode());

        long member = Fixtures.newMember();
        String login = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(login, PASSWORD, "CUSTOMER", member);
        ConsoleVisitor customer = new ConsoleVisitor();
        HttpResponse<String> reply = customer.login(login, PASSWORD);
        assertEquals(200, reply.statusCode());
        assertTrue(reply.body().contains("This account cannot use the console."), reply.body());
        assertFalse(customer.cookies.containsKey("twork_console"));
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM login_session s JOIN account a ON a.id = s.account_id"
                                + " WHERE a.login = ?",
                        login),
                "the session opened by the password check is closed again");
    }

    @Test
    void aManagerIsRefusedAdminActionsOnTheServerEvenWithAValidToken() {
        ConsoleVisitor manager = staff("MANAGER");
        String token = manager.csrf("/admin/reports.xhtml");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("settings", "settings");
        settings.put("_csrf", token);
        settings.put("setting_birthday_bonus", "999");
        settings.put("settings:submit", "Save settings");
        settings.put("jakarta.faces.ViewState", "stateless");
        assertEquals(403, manager.post("/admin/settings.xhtml", settings).statusCode());
        assertEquals("200", Fixtures.text("SELECT value FROM setting WHERE name = 'birthday_bonus'"));

        // The reconcile form is not shown to managers; posting it anyway reaches the service, which refuses.
        long drifted = Fixtures.newMember();
        Fixtures.insertLot(drifted, "earn", 50, Fixtures.now(), null);
        Fixtures.update("UPDATE point_account SET balance = 70 WHERE user_id = ?", drifted);
        try {
            Map<String, String> reconcile = new LinkedHashMap<>();
            reconcile.put("reconcile", "reconcile");
            reconcile.put("_csrf", token);
            reconcile.put("reconcile:reason", "try");
            reconcile.put("reconcile:submit", "Reconcile balances");
            reconcile.put("jakarta.faces.ViewState", "stateless");
            HttpResponse<String> reply = manager.post("/admin/reports.xhtml", reconcile);
            assertEquals(200, reply.statusCode());
            assertEquals(70, Fixtures.count("SELECT balance FROM point_account WHERE user_id = ?", drifted));
        } finally {
            Fixtures.update("UPDATE point_account SET balance = 50 WHERE user_id = ?", drifted);
        }
    }

    @Test
    void pagesAreNotCachedCarryTheSecurityHeadersAndNeverShowAStackTrace() {
        ConsoleVisitor admin = staff("ADMIN");
        HttpResponse<String> page = admin.get("/admin/");
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("script-src 'self'"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String cookie =
                String.join(" ", admin.get("/admin/login.xhtml").headers().allValues("Set-Cookie"));
        assertFalse(cookie.contains("JSESSIONID"), "the console keeps no HTTP session");

        HttpResponse<String> missing = admin.get("/admin/no-such-page.xhtml");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.body().contains("Exception") || missing.body().contains("at com."), missing.body());
        HttpResponse<String> odd = admin.get("/admin/member.xhtml?id=" + "9".repeat(40));
        assertEquals(404, odd.statusCode(), "our own page, answered as not found");
        assertTrue(odd.body().contains("There is no member with this id."));
        HttpResponse<String> badDates = admin.get("/admin/transactions.xhtml?from=yesterday&type=gift");
        assertEquals(200, badDates.statusCode());
        assertTrue(badDates.body().contains("Unknown type: pick one from the list."), badDates.body());
    }
}
