package com.twork.points.security.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.Session;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class SessionsIT {
    private static final String PASSWORD = "tangerine-owl-42";

    private static Reply login(String login, String password, String client) {
        return Api.send(Api.request(Api.PREFIX + "/auth/login", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}"))
                .build());
    }

    private static String customer(long member) {
        String login = "customer-" + member;
        Fixtures.newAccount(login, PASSWORD, "CUSTOMER", member);
        return login;
    }

    @Test
    void loginSetsAPrivateCookieAndReturnsTheMemberRolesAndANonce() {
        long member = Fixtures.newMember();
        Reply reply = login(customer(member), PASSWORD, Api.randomClient());
        JsonObject body = reply.assertOk();
        assertEquals(member, body.getJsonNumber("user_id").longValueExact());
        assertEquals("CUSTOMER", body.getJsonArray("roles").getString(0));
        assertTrue(body.getString("nonce").length() >= 32, "at least 128 bits");
        String cookie = reply.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("twork_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP here: " + cookie);
        Reply overHttps = Api.send(Api.request(Api.PREFIX + "/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"customer-" + member + "\", \"password\": \"" + PASSWORD + "\"}"))
                .build());
        assertTrue(
                overHttps.raw().headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"));
    }

    @Test
    void wrongOrUnknownLoginsGetTheSameAnswer() {
        String login = customer(Fixtures.newMember());
        Reply wrong = login(login, "not-the-password", Api.randomClient());
        Reply unknown = login("nobody-" + login, PASSWORD, Api.randomClient());
        assertEquals(
                "Invalid login or password",
                wrong.assertError(401, "invalid_login").getString("message"));
        assertEquals(
                wrong.object().getString("message"),
                unknown.assertError(401, "invalid_login").getString("message"));
    }

    @Test
    void aValidNonceCallGetsAFreshNonceAndTheSessionWorksFromAnyInstance() {
        long member = Fixtures.newMember();
        Session session = Session.login(customer(member), PASSWORD);
        Reply reply = Api.send(session.request("/balance/" + member).GET().build());
        reply.assertOk();
        assertTrue(reply.header("X-WP-Nonce").isPresent());
        JsonObject fresh = Api.send(
                        session.withNonce("/auth/nonce", Optional.empty()).GET().build())
                .assertOk();
        Api.send(session.withNonce("/balance/" + member, Optional.of(fresh.getString("nonce")))
                        .GET()
                        .build())
                .assertOk();
        Api.send(Api.request(Api.PREFIX + "/auth/nonce").GET().build()).assertError(401, "rest_forbidden");
    }

    @Test
    void aSessionPlantedBeforeLoginIsWorthlessAndLoginIssuesANewOne() {
        long member = Fixtures.newMember();
        String login = customer(member);
        Session first = Session.login(login, PASSWORD);
        Reply relogin = Api.send(Api.request(Api.PREFIX + "/auth/login")
                .header("Content-Type", "application/json")
                .header("Cookie", "twork_session=" + first.token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"" + login + "\", \"password\": \"" + PASSWORD + "\"}"))
                .build());
        relogin.assertOk();
        String newCookie = relogin.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(newCookie.contains(first.token), "login never keeps the session id it was given");
        Api.send(first.request("/balance/" + member).GET().build()).assertError(401, "rest_forbidden");
        Api.send(Api.request(Api.PREFIX + "/balance/" + member)
                        .header("Cookie", "twork_session=attacker-chosen-value")
                        .header("X-WP-Nonce", "whatever")
                        .GET()
                        .build())
                .assertError(401, "rest_forbidden");
    }

    @Test
    void logoutEndsTheSession() {
        long member = Fixtures.newMember();
        Session session = Session.login(customer(member), PASSWORD);
        Reply out = Api.send(session.request("/auth/logout")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        out.assertOk();
        assertTrue(out.raw().headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        Api.send(session.request("/balance/" + member).GET().build()).assertError(401, "rest_forbidden");
    }

    @Test
    void idleAndDisabledSessionsEnd() {
        long member = Fixtures.newMember();
        Session idle = Session.login(customer(member), PASSWORD);
        Fixtures.update(
                "UPDATE login_session SET last_seen_at = last_seen_at - INTERVAL 31 MINUTE WHERE account_id = ?",
                idle.accountId);
        Api.send(idle.request("/balance/" + member).GET().build()).assertError(401, "rest_forbidden");

        long other = Fixtures.newMember();
        Session disabled = Session.login(customer(other), PASSWORD);
        Api.send(disabled.request("/balance/" + other).GET().build()).assertOk();
        Fixtures.update("UPDATE account SET enabled = FALSE WHERE id = ?", disabled.accountId);
        Api.send(disabled.request("/balance/" + other).GET().build()).assertError(401, "rest_forbidden");
        login("customer-" + other, PASSWORD, Api.randomClient()).assertError(401, "invalid_login");
    }

    @Test
    void repeatedFailedLoginsForOneAccountAreThrottled() {
        String login = customer(Fixtures.newMember());
        Fixtures.awaitRoomInWindow(Duration.ofMinutes(15), Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            login(login, "wrong-" + i, Api.randomClient()).assertError(401, "invalid_login");
        }
        Reply blocked = login(login, PASSWORD, Api.randomClient());
        blocked.assertError(429, "rest_too_many_requests");
        long retryAfter = Long.parseLong(blocked.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
    }

    @Test
    void repeatedAuthFailuresFromOneClientAreThrottledAndOthersAreNot() {
        long member = Fixtures.newMember();
        String attacker = Api.randomClient();
        Fixtures.awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            Api.send(Api.request(Api.PREFIX + "/balance/" + member, attacker)
                            .header("Authorization", Api.basic("x", "y"))
                            .GET()
                            .build())
                    .assertError(401, "rest_forbidden");
        }
        Reply blocked = Api.send(Api.request(Api.PREFIX + "/balance/" + member, attacker)
                .header("Authorization", Api.basic(Fixtures.newKey("read").consumerKey(), "cs_wrong"))
                .GET()
                .build());
        blocked.assertError(429, "rest_too_many_requests");
        assertTrue(Long.parseLong(blocked.header("Retry-After").orElseThrow()) <= 60);
        Api.get("/balance/" + member, Fixtures.newKey("read")).assertOk();
    }

    @Test
    void anOptionalPerKeyRateLimitCanBeSwitchedOn() {
        long member = Fixtures.newMember();
        Fixtures.Key key = Fixtures.newKey("read");
        Fixtures.awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(10));
        try {
            Fixtures.setSetting("key_rate_limit_per_minute", "3");
            for (int i = 0; i < 3; i++) {
                Api.get("/balance/" + member, key).assertOk();
            }
            Api.get("/balance/" + member, key).assertError(429, "rest_too_many_requests");
            Api.get("/balance/" + member, Fixtures.newKey("read")).assertOk();
        } finally {
            Fixtures.setSetting("key_rate_limit_per_minute", "0");
        }
        Api.get("/balance/" + member, key).assertOk();
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        long member = Fixtures.newMember();
        Fixtures.awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(10));
        // Other suites call from 127.0.0.1 directly (the Java client, the browser): start this count from zero.
        Fixtures.update("DELETE FROM throttle WHERE bucket = 'auth:127.0.0.1'");
        try {
            Fixtures.setSetting("trusted_proxies", "192.0.2.1");
            for (int i = 0; i < 10; i++) {
                // Every request claims another client, but the peer (127.0.0.1) is not trusted: one client.
                Api.send(Api.request(Api.PREFIX + "/balance/" + member, Api.randomClient())
                                .GET()
                                .build())
                        .assertError(401, "rest_forbidden");
            }
            Api.send(Api.request(Api.PREFIX + "/balance/" + member, Api.randomClient())
                            .GET()
                            .build())
                    .assertError(429, "rest_too_many_requests");
        } finally {
            Fixtures.setSetting("trusted_proxies", "127.0.0.1");
            Fixtures.update("DELETE FROM throttle WHERE bucket = 'auth:127.0.0.1'");
        }
    }

    private static Reply preflight(String origin) {
        return Api.send(Api.request(Api.PREFIX + "/balance/1")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void corsGivesCredentialedAccessToListedOriginsOnly() {
        Reply any = preflight("https://anywhere.example");
        assertTrue(any.status() == 200 || any.status() == 204, any.body());
        assertEquals("*", any.header("Access-Control-Allow-Origin").orElseThrow(), "default *: readable, no cookies");
        assertFalse(any.header("Access-Control-Allow-Credentials").isPresent());
        assertTrue(any.header("Access-Control-Allow-Headers").orElseThrow().contains("X-WP-Nonce"));
        assertFalse(preflight("null").header("Access-Control-Allow-Origin").isPresent(), "never the opaque origin");
        try {
            Fixtures.setSetting("cors_allowed_origins", "https://shop.example");
            Reply listed = preflight("https://shop.example");
            assertEquals(
                    "https://shop.example",
                    listed.header("Access-Control-Allow-Origin").orElseThrow());
            assertEquals(
                    "true", listed.header("Access-Control-Allow-Credentials").orElseThrow());
            assertFalse(preflight("https://evil.example")
                    .header("Access-Control-Allow-Origin")
                    .isPresent());
            Reply actual = Api.send(Api.request(Api.PREFIX + "/balance/1")
                    .header("Origin", "https://shop.example")
                    .GET()
                    .build());
            assertTrue(
                    actual.header("Access-Control-Expose-Headers").orElseThrow().contains("Idempotency-Replayed"));
            assertEquals("nosniff", actual.header("X-Content-Type-Options").orElseThrow());
        } finally {
            Fixtures.setSetting("cors_allowed_origins", "*");
        }
    }

    @Test
    void secretsPasswordsTokensAndNoncesNeverReachTheLog() throws Exception {
        long member = Fixtures.newMember();
        String password = "unique-secret-password-" + member;
        Fixtures.newAccount("logcheck-" + member, password, "CUSTOMER", member);
        Session session = Session.login("logcheck-" + member, password);
        Api.send(session.request("/balance/" + member).GET().build()).assertOk();
        login("logcheck-" + member, password + "-wrong", Api.randomClient()).assertError(401, "invalid_login");
        Fixtures.Key key = Fixtures.writeKey();
        Api.get("/balance/" + member, key).assertOk();
        Api.send(Api.request(Api.PREFIX + "/balance/" + member)
                        .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret() + "x"))
                        .GET()
                        .build())
                .assertError(401, "rest_forbidden");
        String log = Files.readString(
                Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("payara.log"),
                StandardCharsets.UTF_8);
        assertTrue(log.contains("Authentication failed"), "the failures were logged");
        for (String secret :
                new String[] {password, session.token, session.nonce, key.consumerSecret(), key.consumerKey()}) {
            assertFalse(log.contains(secret), "the log must not contain " + secret.substring(0, 6) + "...");
        }
        assertNotEquals(session.token, session.nonce);
    }
}
