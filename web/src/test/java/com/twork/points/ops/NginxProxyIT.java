package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Nginx;
import com.twork.points.it.RawHttp;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import com.twork.points.javaclient.LoopbackProxy;
import com.twork.points.launcher.server.Ports;
import com.twork.points.launcher.tools.smoke.SmokeCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cut-over set-up (issue 19) through Debian's real nginx, configured from the committed templates in
 * {@code server-config/nginx}: HTTPS (HTTP/2) terminated by nginx with a self-signed certificate, the points
 * prefix forwarded to two "instances" (the shared test server behind a connection-counting forwarder, and an
 * address where nothing listens), everything else to a stub WordPress. Requests are the app's: API-key reads and
 * writes, the sync echo, a signed WooCommerce webhook, the {@code ?rest_route=} fallback, a staff login.
 */
@ExtendWith(SharedServer.class)
class NginxProxyIT {
    private static final String WORDPRESS_MARKER = "wordpress-stub";
    private static final long APP_BODY_LIMIT = 4L * 1024 * 1024;
    private static final AtomicLong ORDER_IDS = new AtomicLong(900_000 + System.currentTimeMillis() % 100_000);

    private static HttpServer wordpress;
    private static LoopbackProxy instance;
    private static int deadInstancePort;
    private static Nginx nginx;
    private static HttpClient client;

    @BeforeAll
    static void startNginx() throws IOException {
        wordpress = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        wordpress.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = Json.createObjectBuilder()
                    .add("served_by", WORDPRESS_MARKER)
                    .add("uri", exchange.getRequestURI().toString())
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Served-By", WORDPRESS_MARKER);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        wordpress.start();
        instance = new LoopbackProxy(URI.create(Api.base()).getPort());
        deadInstancePort = Ports.freePort();
        nginx = Nginx.start(
                workDir("nginx"),
                List.of("127.0.0.1:" + instance.uri().getPort(), "127.0.0.1:" + deadInstancePort),
                wordpress.getAddress().getPort());
        client = HttpClient.newBuilder()
                .sslContext(nginx.sslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopNginx() throws IOException {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            if (instance != null) {
                instance.close();
            }
            if (wordpress != null) {
                wordpress.stop(0);
            }
        }
    }

    private static Path workDir(String name) {
        return Path.of(System.getProperty("twork.it.work-dir", "target/it"))
                .resolveSibling(name)
                .toAbsolutePath();
    }

    @Test
    void theAppsReadsAndWritesReachUsWithTheirCredentials() {
        long member = Fixtures.newMember();
        Fixtures.Key key = Fixtures.writeKey();
        JsonObject earned = send(post(
                        "/wp-json/twork/v1/points/earn",
                        key,
                        "{\"user_id\": " + member + ", \"points\": 120, \"description\": \"Through nginx\"}"))
                .assertOk();
        assertEquals(120, earned.getInt("new_balance"));
        JsonObject redeemed = send(post(
                        "/wp-json/twork/v1/points/redeem",
                        key,
                        "{\"user_id\": " + member + ", \"points\": 20, \"description\": \"Coffee\"}"))
                .assertOk();
        assertEquals(100, redeemed.getInt("new_balance"));
        long redeemId = redeemed.getJsonNumber("transaction_id").longValueExact();
        JsonObject synced = send(post(
                        "/wp-json/twork/v1/points/sync",
                        key,
                        "{\"user_id\": " + member + ", \"transactions\": [{\"id\": \"1737000000001\","
                                + " \"type\": \"earn\", \"points\": 10, \"description\": \"Check-in\"},"
                                + " {\"id\": \"" + redeemId + "\", \"type\": \"redeem\", \"points\": 20,"
                                + " \"description\": \"Coffee\"}]}"))
                .assertOk();
        assertEquals(1, synced.getInt("synced"), synced.toString());
        assertEquals(
                "duplicate", synced.getJsonArray("results").getJsonObject(1).getString("status"));
        assertEquals(110, synced.getInt("new_balance"));

        JsonObject balance =
                send(get("/wp-json/twork/v1/points/balance/" + member, key)).assertOk();
        assertEquals(110, balance.getInt("current_balance"));
        assertEquals(130, balance.getInt("lifetime_earned"));
        JsonObject history = send(get("/wp-json/twork/v1/points/transactions/" + member + "?per_page=2", key))
                .assertOk();
        assertEquals(3, history.getInt("total"));
        assertEquals(2, history.getJsonArray("transactions").size(), "per_page reached the app");
        // WooCommerce-style credentials in the query string pass as they came, too.
        Reply inQuery = send(request("/wp-json/twork/v1/points/balance/" + member + "?consumer_key=" + key.consumerKey()
                        + "&consumer_secret=" + key.consumerSecret())
                .GET()
                .build());
        assertEquals(110, inQuery.assertOk().getInt("current_balance"));
        assertEquals(110, Ledger.assertInvariant(member));

        // A wrong secret is refused by us (our envelope): the header nginx forwards is the one that was sent.
        Reply wrong = send(request("/wp-json/twork/v1/points/balance/" + member)
                .header("Authorization", Api.basic(key.consumerKey(), "cs_wrong"))
                .header("X-Forwarded-For", Api.randomClient())
                .GET()
                .build());
        wrong.assertError(401, "rest_forbidden");
        assertTrue(wrong.header("X-Request-Id").isPresent(), "answered by the app");
    }

    @Test
    void aSignedWooCommerceWebhookArrivesByteForByte() {
        String secret = "nginx-webhook-secret";
        Fixtures.setSetting("webhook_secret", secret);
        try {
            long member = Fixtures.newMember();
            String body = Json.createObjectBuilder()
                    .add("id", ORDER_IDS.incrementAndGet())
                    .add("status", "completed")
                    .add("customer_id", member)
                    .add("total", "80.00")
                    .add("total_tax", "0.00")
                    .add("shipping_total", "0.00")
                    .add("refunds", Json.createArrayBuilder())
                    .add(
                            "date_modified_gmt",
                            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                                    .format(LocalDateTime.now(ZoneOffset.UTC)))
                    .build()
                    .toString();
            Reply delivered = send(request("/wp-json/twork/v1/points/webhooks/woocommerce")
                    .header("Content-Type", "application/json")
                    .header("X-WC-Webhook-Topic", "order.updated")
                    .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                    .header("X-WC-Webhook-Signature", hmac(body, secret))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertEquals("applied", delivered.assertOk().getString("outcome"), delivered.body());
            assertEquals(80, Ledger.balance(member));
        } finally {
            Fixtures.setSetting("webhook_secret", "");
        }
    }

    @Test
    void everyOtherPathStaysWithWordPress() {
        for (String path : List.of(
                "/wp-json/wc/v3/orders?per_page=5",
                "/wp-json/twork/v1/luckybox/spin",
                "/wp-json/twork/v1/pointsx/balance/5",
                "/wp-json/wp/v2/users/me",
                "/?rest_route=/wc/v3/products",
                "/?rest_route=/twork/v1/luckybox/spin",
                "/index.php?rest_route=/twork/v1/points/../../wc/v3/orders",
                "/?rest_route=/twork/v1/points/balance/5/../../../wc/v3",
                "/shop/?rest_route=/twork/v1/points/balance/5",
                "/wp-login.php")) {
            Reply reply = send(request(path)
                    .header("Authorization", Api.basic("ck_shop", "cs_shop"))
                    .GET()
                    .build());
            assertEquals(200, reply.status(), path + ": " + reply.body());
            assertEquals(WORDPRESS_MARKER, reply.object().getString("served_by"), path);
            assertEquals(path, reply.object().getString("uri"), "WordPress gets the request as sent: " + path);
        }
        // The prefix itself is ours: an unknown route there is our 404, not WordPress's.
        send(request("/wp-json/twork/v1/points/nothing-here").GET().build()).assertError(404, "rest_no_route");
    }

    @Test
    void theRestRouteFallbackReachesThePointsRoutesAsTheirNormalPath() {
        long member = Fixtures.newMember();
        Fixtures.Key key = Fixtures.writeKey();
        send(post(
                        "/index.php?rest_route=/twork/v1/points/earn",
                        key,
                        "{\"user_id\": " + member + ", \"points\": 30, \"description\": \"Fallback\"}"))
                .assertOk();
        send(post(
                        "/?rest_route=%2Ftwork%2Fv1%2Fpoints%2Fearn",
                        key, "{\"user_id\": " + member + ", \"points\": 12, \"description\": \"Encoded fallback\"}"))
                .assertOk();
        JsonObject balance = send(get("/?rest_route=/twork/v1/points/balance/" + member, key))
                .assertOk();
        assertEquals(42, balance.getInt("current_balance"));
        // The other query parameters go on (and rest_route itself does not): page 2 of 1-row pages.
        JsonObject page = send(get(
                        "/?page=2&rest_route=%2Ftwork%2Fv1%2Fpoints%2Ftransactions%2F" + member + "&per_page=1", key))
                .assertOk();
        assertEquals(2, page.getInt("page"));
        assertEquals(1, page.getInt("per_page"));
        assertEquals(2, page.getInt("total"));
        assertEquals(
                "Fallback",
                page.getJsonArray("transactions").getJsonObject(0).getString("description"),
                "newest first: page 2 holds the older row");
        JsonObject inQuery = send(request("/?rest_route=/twork/v1/points/balance/" + member + "&consumer_key="
                                + key.consumerKey() + "&consumer_secret=" + key.consumerSecret())
                        .GET()
                        .build())
                .assertOk();
        assertEquals(42, inQuery.getInt("current_balance"));
        // Unknown routes under the prefix are ours too, in our envelope.
        send(get("/?rest_route=/twork/v1/points/nothing-here", key)).assertError(404, "rest_no_route");
    }

    @Test
    void theClientAddressIsTheOneNginxSawAndCannotBeForged() {
        String login = "nginx-manager-" + UUID.randomUUID().toString().substring(0, 8);
        long account = Fixtures.newAccount(login, "a long password for nginx", "MANAGER", null);
        String client = "127.0.0.2";
        String forged = "203.0.113.66";
        long forgedBefore = authFailures(forged);
        long clientBefore = authFailures(client);

        RawHttp.Answer refused = rawFrom(
                client,
                "GET",
                "/wp-json/twork/v1/points/balance/1",
                List.of(
                        Map.entry("Authorization", Api.basic("ck_nobody", "cs_nobody")),
                        Map.entry("X-Forwarded-For", forged)),
                new byte[0]);
        assertEquals(401, refused.status(), refused.text());
        assertEquals(clientBefore + 1, authFailures(client), "the throttle counts the address nginx saw");
        assertEquals(forgedBefore, authFailures(forged), "a forged X-Forwarded-For is not the client");

        RawHttp.Answer loggedIn = login(client, login, forged);
        assertEquals(200, loggedIn.status(), loggedIn.text());
        assertEquals(client, lastSessionAddress(account), "the session records the address nginx saw");
        String cookie = loggedIn.header("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("twork_session="), cookie);
        assertTrue(cookie.contains("Secure"), "HTTPS at nginx, told by a trusted proxy: " + cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void forwardingHeadersAreIgnoredWhenNginxIsNotATrustedProxy() {
        String login = "nginx-untrusted-" + UUID.randomUUID().toString().substring(0, 8);
        long account = Fixtures.newAccount(login, "a long password for nginx", "MANAGER", null);
        Fixtures.setSetting("trusted_proxies", "192.0.2.1");
        try {
            RawHttp.Answer loggedIn = login("127.0.0.3", login, "203.0.113.77");
            assertEquals(200, loggedIn.status(), loggedIn.text());
            assertEquals(
                    "127.0.0.1",
                    lastSessionAddress(account),
                    "untrusted peer: neither its X-Forwarded-For (nor a forged entry in it) is believed");
            assertFalse(
                    loggedIn.header("set-cookie").orElseThrow().contains("Secure"),
                    "neither is its X-Forwarded-Proto: trusted_proxies must name nginx for Secure cookies");
        } finally {
            Fixtures.setSetting("trusted_proxies", "127.0.0.1");
        }
    }

    @Test
    void bodiesOverTheLimitGetOurEnvelopeNotNginxsPage() {
        Fixtures.Key key = Fixtures.writeKey();
        // Just over the app's limit: nginx lets it through and the app answers (with its request id).
        String justOver =
                "{\"user_id\": 1, \"points\": 1, \"description\": \"" + "x".repeat((int) APP_BODY_LIMIT) + "\"}";
        Reply fromApp = send(post("/wp-json/twork/v1/points/earn", key, justOver));
        JsonObject error = fromApp.assertError(413, "rest_payload_too_large");
        assertTrue(error.getString("message").contains(Long.toString(APP_BODY_LIMIT)), error.toString());
        assertTrue(fromApp.header("X-Request-Id").isPresent(), "answered by the app");
        // Far over it: nginx refuses before reading the body, in the same envelope.
        RawHttp.Answer fromNginx = RawHttp.exchange(
                nginx.connectFrom("127.0.0.1"),
                "127.0.0.1:" + nginx.port(),
                "POST",
                "/wp-json/twork/v1/points/earn",
                List.of(Map.entry("Content-Type", "application/json")),
                new byte[0],
                6L * 1024 * 1024);
        assertEquals(413, fromNginx.status(), fromNginx.text());
        assertTrue(fromNginx.header("content-type").orElse("").startsWith("application/json"), fromNginx.text());
        JsonObject envelope =
                Json.createReader(new java.io.StringReader(fromNginx.text())).readObject();
        assertEquals("rest_payload_too_large", envelope.getString("code"));
        assertEquals(413, envelope.getJsonObject("data").getInt("status"));
    }

    @Test
    void requestsGoRoundTheInstancesOverKeptAliveConnections() {
        long member = Fixtures.newMember();
        Fixtures.Key key = Fixtures.writeKey();
        int before = instance.connections();
        for (int i = 0; i < 20; i++) {
            send(get("/wp-json/twork/v1/points/balance/" + member, key)).assertOk();
            send(post(
                            "/wp-json/twork/v1/points/earn",
                            key,
                            "{\"user_id\": " + member + ", \"points\": 1, \"description\": \"Visit " + i + "\"}"))
                    .assertOk();
        }
        assertEquals(20, Ledger.balance(member), "every write landed once, none lost to the dead instance");
        int opened = instance.connections() - before;
        assertTrue(opened <= 2, "40 requests over " + opened + " upstream connection(s): keep-alive");
        assertTrue(
                nginx.log().contains("127.0.0.1:" + deadInstancePort),
                "nginx tried the second instance and went on to the first: " + nginx.log());
    }

    @Test
    void theSmokeCheckPassesThroughTheShopsAddressIncludingTheRestRouteForm() {
        long member = Fixtures.newMember();
        Fixtures.Key key = Fixtures.writeKey();
        send(post("/wp-json/twork/v1/points/earn", key, "{\"user_id\": " + member + ", \"points\": 64}"))
                .assertOk();
        Fixtures.Key reader = Fixtures.newKey("read");
        java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
        HttpClient noRedirects = HttpClient.newBuilder()
                .sslContext(nginx.sslContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        SmokeCommand smoke =
                new SmokeCommand(new java.io.PrintStream(report, true, StandardCharsets.UTF_8), noRedirects);
        String snapshot = Ledger.snapshot(member);
        int code = smoke.run(SmokeCommand.options(
                List.of(
                        "--base",
                        nginx.baseUrl(),
                        "--key",
                        reader.consumerKey() + ":" + reader.consumerSecret(),
                        "--members",
                        Long.toString(member),
                        "--rest-route"),
                name -> null));
        String output = report.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        assertTrue(output.contains("1 as expected, 0 mismatched, 0 failed"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith(member + " ") && line.contains(" 64 ")), output);
        assertEquals(snapshot, Ledger.snapshot(member), "read-only");
    }

    @Test
    void noInstanceAnsweringGivesOurEnvelope() {
        try (Nginx alone = Nginx.start(
                workDir("nginx-no-instance"),
                List.of("127.0.0.1:" + Ports.freePort()),
                wordpress.getAddress().getPort())) {
            HttpClient toAlone =
                    HttpClient.newBuilder().sslContext(alone.sslContext()).build();
            Reply reply = send(
                    toAlone,
                    HttpRequest.newBuilder(URI.create(alone.baseUrl() + "/wp-json/twork/v1/points/balance/5"))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build());
            reply.assertError(503, "service_unavailable");
            assertEquals("5", reply.header("Retry-After").orElse(""));
        }
    }

    private static RawHttp.Answer login(String from, String login, String forgedForwardedFor) {
        return rawFrom(
                from,
                "POST",
                "/wp-json/twork/v1/points/auth/login",
                List.of(
                        Map.entry("Content-Type", "application/json"),
                        Map.entry("X-Forwarded-For", forgedForwardedFor),
                        Map.entry("X-Forwarded-Proto", "http")),
                ("{\"login\": \"" + login + "\", \"password\": \"a long password for nginx\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Answer rawFrom(
            String localAddress, String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        try (SSLSocket socket = nginx.connectFrom(localAddress)) {
            return RawHttp.exchange(socket, "127.0.0.1:" + nginx.port(), method, target, headers, body, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long authFailures(String client) {
        return Fixtures.count("SELECT COALESCE(SUM(hits), 0) FROM throttle WHERE bucket = ?", "auth:" + client);
    }

    private static String lastSessionAddress(long account) {
        return Fixtures.text(
                "SELECT client_address FROM login_session WHERE account_id = ? ORDER BY id DESC LIMIT 1", account);
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(nginx.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest get(String pathAndQuery, Fixtures.Key key) {
        return request(pathAndQuery)
                .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                .GET()
                .build();
    }

    private static HttpRequest post(String pathAndQuery, Fixtures.Key key, String json) {
        return request(pathAndQuery)
                .header("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static Reply send(HttpRequest request) {
        return send(client, request);
    }

    private static Reply send(HttpClient through, HttpRequest request) {
        try {
            HttpResponse<String> response = through.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, response.version(), "the shop's nginx speaks HTTP/2");
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String body, String secret) {
        return WooWebhooks.sign(secret, body);
    }
}
