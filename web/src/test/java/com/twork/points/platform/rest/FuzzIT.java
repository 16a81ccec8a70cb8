package com.twork.points.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based HTTP fuzzing of every route (SPEC §3.0): random and malformed bodies, headers, query strings, path
 * segments, content types, deep nesting and oversized bodies, sent over a plain socket so nothing is cleaned up on
 * the way. Whatever arrives: never a 5xx, never a stack trace or the container's HTML page, always the error
 * envelope with {@code data.status} equal to the HTTP status, and a rejected request changes nothing in the
 * database. Bounded: about a thousand requests, well under 90 s here.
 */
class FuzzIT {
    private static final String PREFIX = Api.PREFIX;
    /** What a leaked stack trace or the container's own error page looks like. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |Exception|\\.java:\\d|com\\.twork|org\\.glassfish|org\\.eclipse|org\\.hibernate|Payara|Error report",
            Pattern.CASE_INSENSITIVE);

    private static Fixtures.Key key;
    private static Fixtures.Key readKey;
    private static long member;

    /** The routes, {id} standing for a user id in the path. */
    record Route(String method, String path) {
        boolean takesBody() {
            return !"GET".equals(method);
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/balance/{id}"),
            new Route("GET", "/transactions/{id}"),
            new Route("GET", "/expiring/{id}"),
            new Route("GET", "/members/{id}"),
            new Route("GET", "/auth/nonce"),
            new Route("GET", "/auth/whoami"),
            new Route("PUT", "/members/{id}"),
            new Route("POST", "/earn"),
            new Route("POST", "/redeem"),
            new Route("POST", "/sync"),
            new Route("POST", "/referral"),
            new Route("POST", "/birthday"),
            new Route("POST", "/check-expired/{id}"),
            new Route("POST", "/auth/login"),
            new Route("POST", "/auth/logout"),
            new Route("POST", "/webhooks/woocommerce"));

    private static final List<String> FIELDS = List.of(
            "user_id",
            "points",
            "type",
            "description",
            "order_id",
            "expires_at",
            "order_total",
            "referred_user_id",
            "transactions",
            "id",
            "created_at",
            "login",
            "password",
            "email",
            "display_name",
            "status",
            "birthday",
            "webhook_id");

    private static final List<String> QUERY_NAMES = List.of(
            "page",
            "per_page",
            "type",
            "search",
            "order_id",
            "from",
            "to",
            "order",
            "status",
            "user_id",
            "consumer_key",
            "consumer_secret",
            "_method",
            "x");

    @BeforeContainer
    static void prepare() {
        key = Fixtures.writeKey();
        readKey = Fixtures.newKey("read");
        member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 5_000, Instant.now().minusSeconds(60), null);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void randomBodiesAndContentTypes(
            @ForAll("bodyRoutes") Route route,
            @ForAll("bodies") byte[] body,
            @ForAll("contentTypes") Optional<String> contentType,
            @ForAll("credentials") List<Map.Entry<String, String>> credentials) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(credentials);
        contentType.ifPresent(type -> headers.add(Map.entry("Content-Type", type)));
        send(route.method(), PREFIX + route.path().replace("{id}", Long.toString(member)), headers, body, null);
        Ledger.assertInvariant(member);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void randomHeaders(@ForAll("routes") Route route, @ForAll("headerSets") List<Map.Entry<String, String>> headers) {
        byte[] body = route.takesBody()
                ? ("{\"user_id\": " + member + ", \"points\": 1, \"transactions\": []}")
                        .getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        send(route.method(), PREFIX + route.path().replace("{id}", Long.toString(member)), headers, body, null);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void randomQueryStrings(
            @ForAll("routes") Route route,
            @ForAll("queries") String query,
            @ForAll("credentials") List<Map.Entry<String, String>> credentials) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(credentials);
        byte[] body = new byte[0];
        if (route.takesBody()) {
            headers.add(Map.entry("Content-Type", "application/json"));
            body = ("{\"user_id\": " + member + ", \"points\": 1}").getBytes(StandardCharsets.UTF_8);
        }
        send(
                route.method(),
                PREFIX + route.path().replace("{id}", Long.toString(member)) + "?" + query,
                headers,
                body,
                null);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void randomPathSegmentsAndMethods(
            @ForAll("methods") String method,
            @ForAll("paths") String path,
            @ForAll("credentials") List<Map.Entry<String, String>> credentials) {
        send(method, path, credentials, new byte[0], null);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void oversizedBodiesAre413(@ForAll("bodyRoutes") Route route, @ForAll boolean chunked) {
        String target = PREFIX + route.path().replace("{id}", Long.toString(member));
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())),
                Map.entry("Content-Type", "application/json"),
                Map.entry("X-Forwarded-For", Api.randomClient()));
        RawHttp.Answer answer = chunked
                ? send(route.method(), target, headers, jsonOfSize(4 * 1024 * 1024 + 10), -1L)
                : send(route.method(), target, headers, "{\"user_id\":".getBytes(StandardCharsets.UTF_8), 5L << 20);
        assertEquals(413, answer.status(), answer.text());
        assertEquals("rest_payload_too_large", envelope(answer).getString("code"));
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void deepNestingIsBadJson(
            @ForAll("bodyRoutes") Route route,
            @ForAll("depths") int depth,
            @ForAll boolean objects,
            @ForAll boolean insideAField) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String json = insideAField ? "{\"user_id\": " + member + ", \"transactions\": " + nested + "}" : nested;
        RawHttp.Answer answer = send(
                route.method(),
                PREFIX + route.path().replace("{id}", Long.toString(member)),
                List.of(
                        Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())),
                        Map.entry("Content-Type", "application/json")),
                json.getBytes(StandardCharsets.UTF_8),
                null);
        if (route.path().startsWith("/webhooks")) {
            assertEquals(401, answer.status(), "unsigned: refused before the body is read");
        } else {
            assertEquals(400, answer.status(), answer.text());
            assertEquals("rest_invalid_json", envelope(answer).getString("code"));
        }
    }

    /** Found by this fuzzing: such headers got the container's HTML 400 page before any of our checks ran. */
    @Example
    void unreadableMediaHeadersCountAsAbsent() {
        String balance = PREFIX + "/balance/" + member;
        List<Map.Entry<String, String>> auth =
                List.of(Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())));
        for (String unreadable : List.of(";;;==", "", "application/json; charset")) {
            List<Map.Entry<String, String>> headers = new ArrayList<>(auth);
            headers.add(Map.entry("Content-Type", unreadable));
            assertEquals(200, send("GET", balance, headers, new byte[0], null).status());
            RawHttp.Answer earn = send(
                    "POST",
                    PREFIX + "/earn",
                    headers,
                    ("{\"user_id\": " + member + ", \"points\": 1}").getBytes(StandardCharsets.UTF_8),
                    null);
            assertEquals(415, earn.status(), earn.text());
            assertEquals("rest_unsupported_media_type", envelope(earn).getString("code"));
        }
        List<Map.Entry<String, String>> accept = new ArrayList<>(auth);
        accept.add(Map.entry("Accept", ",,;=="));
        assertEquals(200, send("GET", balance, accept, new byte[0], null).status());
        assertEquals(
                405,
                send("PATCH", "/admin/login.xhtml", List.of(), new byte[0], null)
                        .status(),
                "not the container's 501 page");
    }

    /** Found by this fuzzing: a refused batch for an unknown member used to leave the auto-created member. */
    @Example
    void aRefusedBatchCreatesNoMember() {
        long unknown = 900_000_000_000L + System.nanoTime() % 1_000_000_000L;
        RawHttp.Answer answer = send(
                "POST",
                PREFIX + "/sync",
                List.of(
                        Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())),
                        Map.entry("Content-Type", "application/json")),
                ("{\"user_id\": " + unknown + ", \"transactions\": \"x\"}").getBytes(StandardCharsets.UTF_8),
                null);
        assertEquals(400, answer.status(), answer.text());
        assertEquals(0, Fixtures.count("SELECT COUNT(*) FROM member WHERE user_id = ?", unknown));
    }

    // ---- the judge --------------------------------------------------------------------------------------------

    /** Sends the request and judges the answer; returns it for further checks. */
    private static RawHttp.Answer send(
            String method, String target, List<Map.Entry<String, String>> headers, byte[] body, Long declaredLength) {
        String before = fingerprint();
        RawHttp.Answer answer =
                RawHttp.exchange(URI.create(Api.base()).getPort(), method, target, headers, body, declaredLength);
        String what = method + " " + abbreviate(target) + " -> " + answer.status() + " " + abbreviate(answer.text());
        assertTrue(answer.status() < 500, "never a 5xx: " + what);
        assertFalse(LEAK.matcher(answer.text()).find(), "no stack trace or container page: " + what);
        boolean api = target.equals(PREFIX) || target.startsWith(PREFIX + "/") || target.startsWith(PREFIX + "?");
        boolean reachedApplication = answer.header("X-Request-Id").isPresent();
        if (!api) {
            // Outside the API (the console, other /wp-json routes) HTML pages are right: the checks above (no
            // 5xx, no trace, not the container's page) are what applies there.
            assertTrue(answer.status() < 500, what);
        } else if (!reachedApplication) {
            // Refused by the HTTP layer itself (request line or headers over its limits, bytes it cannot read):
            // a bare 4xx without a body, before any of our code or the database is involved.
            assertTrue(answer.status() >= 400 && answer.body().length == 0, "container refusal: " + what);
        } else if ("HEAD".equals(method)) {
            assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), what);
        } else if (answer.status() >= 400) {
            envelope(answer);
        } else if (!"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), what);
            parse(answer);
        }
        if (answer.status() >= 400) {
            assertEquals(before, fingerprint(), "a rejected request changes nothing: " + what);
        }
        return answer;
    }

    private static JsonObject envelope(RawHttp.Answer answer) {
        String what = answer.status() + " " + abbreviate(answer.text());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), "JSON: " + what);
        JsonObject error = parse(answer).asJsonObject();
        assertTrue(error.getString("code").matches("[a-z_]+"), what);
        assertFalse(error.getString("message").isBlank(), what);
        assertEquals(answer.status(), error.getJsonObject("data").getInt("status"), what);
        return error;
    }

    private static JsonValue parse(RawHttp.Answer answer) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(answer.body()))) {
            return reader.readValue();
        }
    }

    /** Everything a use case could write: ledger, allocations, accounts, members, orders, audit, keys, accounts. */
    private static String fingerprint() {
        return Fixtures.text("SELECT CONCAT_WS('|', (SELECT COUNT(*) FROM point_transaction),"
                + " (SELECT COALESCE(SUM(remaining + points), 0) FROM point_transaction),"
                + " (SELECT COUNT(*) FROM point_allocation), (SELECT COUNT(*) FROM member),"
                + " (SELECT COALESCE(SUM(balance + lifetime_earned + lifetime_redeemed + lifetime_expired + pending"
                + " + version), 0) FROM point_account), (SELECT COUNT(*) FROM point_account),"
                + " (SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM shop_order),"
                + " (SELECT COUNT(*) FROM webhook_delivery), (SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL))");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static byte[] jsonOfSize(int size) {
        StringBuilder json = new StringBuilder(size + 16).append("{\"description\": \"");
        json.append("x".repeat(size));
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(ROUTES);
    }

    @Provide
    Arbitrary<Route> bodyRoutes() {
        return Arbitraries.of(ROUTES.stream().filter(Route::takesBody).toList());
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(65, 100, 999, 1_001, 5_000, 200_000);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PROPFIND", "get");
    }

    /** A user id as it may appear in a path or a body: ours, others, zero, negative, huge, text. */
    private Arbitrary<String> userIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Long.toString(member))),
                Tuple.of(2, Arbitraries.longs().between(1, 2_000_000_000_000L).map(String::valueOf)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "0",
                                "-1",
                                "007",
                                "9223372036854775807",
                                "9223372036854775808",
                                "99999999999999999999999",
                                "1e3",
                                "1.0",
                                "0x10")),
                Tuple.of(1, safeText(0, 30)));
    }

    /** Random text, percent-encoded correctly (malformed escapes are a container quirk, see docs/resilience.md). */
    private Arbitrary<String> safeText(int min, int max) {
        return Arbitraries.strings()
                .all()
                .ofMinLength(min)
                .ofMaxLength(max)
                .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "balance",
                                "transactions",
                                "expiring",
                                "members",
                                "earn",
                                "redeem",
                                "sync",
                                "referral",
                                "birthday",
                                "check-expired",
                                "auth",
                                "login",
                                "logout",
                                "nonce",
                                "webhooks",
                                "woocommerce",
                                "",
                                "%20",
                                "%2F",
                                "%2e",
                                ";a=b",
                                "BALANCE")),
                Tuple.of(3, userIds()),
                Tuple.of(1, safeText(1, 12)),
                Tuple.of(
                        1,
                        Arbitraries.strings().alpha().numeric().ofMinLength(200).ofMaxLength(3_000)));
        Arbitrary<String> tail = segment.list().ofMinSize(0).ofMaxSize(4).map(parts -> String.join("/", parts));
        return Combinators.combine(Arbitraries.of(PREFIX + "/", PREFIX, "/admin/", "/wp-json/twork/v1/"), tail)
                .as((start, rest) -> (start + rest).replace("//", "/"));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name =
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(QUERY_NAMES)), Tuple.of(1, safeText(0, 10)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(2, userIds()),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "",
                                "1",
                                "0",
                                "-5",
                                "100",
                                "101",
                                "2147483648",
                                "asc",
                                "desc",
                                "earn",
                                "pending",
                                "void",
                                "2026-01-15T10:30:00.000",
                                "2026-13-45",
                                "2026-01-15T10%3A30%3A00%2B06%3A30",
                                "%25",
                                "%00",
                                "null",
                                "true")),
                Tuple.of(1, safeText(0, 40)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1_000).ofMaxLength(6_000)));
        Arbitrary<String> pair = Combinators.combine(
                        name, value, Arbitraries.integers().between(0, 9))
                .as((n, v, shape) -> shape == 0 ? n : shape == 1 ? n + "=" + v + "&" + n + "=" + v : n + "=" + v);
        return pair.list().ofMinSize(1).ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        6,
                        Arbitraries.of(
                                Optional.of("application/json"), Optional.of("application/json; charset=UTF-8"))),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                Optional.<String>empty(),
                                Optional.of("text/plain"),
                                Optional.of("application/x-www-form-urlencoded"),
                                Optional.of("multipart/form-data; boundary=xyz"),
                                Optional.of("application/xml"),
                                Optional.of("application/json; charset=latin1"),
                                Optional.of("application/vnd.api+json"),
                                Optional.of("*/*"),
                                Optional.of(";;;=="),
                                Optional.of("application/json; charset"),
                                Optional.of("application/json; charset=\"utf-8"),
                                Optional.of("json"),
                                Optional.of(""))),
                Tuple.of(1, headerValue(0, 80).map(Optional::of)));
    }

    /** Header values: printable ASCII and Latin-1 bytes, never CR or LF (those would end the header). */
    private Arbitrary<String> headerValue(int min, int max) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\u00ff')
                .ofMinLength(min)
                .ofMaxLength(max)
                .map(String::trim);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> credentials() {
        Arbitrary<List<Map.Entry<String, String>>> valid = Arbitraries.just(
                List.of(Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret()))));
        Arbitrary<List<Map.Entry<String, String>>> other = Arbitraries.of(
                List.of(),
                List.of(Map.entry("Authorization", Api.basic(readKey.consumerKey(), readKey.consumerSecret()))),
                List.of(Map.entry("Authorization", Api.basic(key.consumerKey(), "cs_wrong"))),
                List.of(Map.entry("Authorization", "Basic ####")),
                List.of(Map.entry("Authorization", "Basic")),
                List.of(Map.entry("Authorization", "Bearer abc.def.ghi")),
                List.of(Map.entry("Cookie", "twork_session=garbage"), Map.entry("X-WP-Nonce", "nonce")));
        return Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(5, valid), Tuple.of(2, other)),
                        Arbitraries.just(0).map(ignored -> Api.randomClient()))
                .as((auth, client) -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(auth);
                    headers.add(Map.entry("X-Forwarded-For", client));
                    return headers;
                });
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> headerSets() {
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Combinators.combine(
                                        Arbitraries.of(
                                                "Authorization",
                                                "Content-Type",
                                                "Accept",
                                                "Idempotency-Key",
                                                "X-Request-Id",
                                                "X-Forwarded-For",
                                                "X-Forwarded-Proto",
                                                "X-WP-Nonce",
                                                "Cookie",
                                                "Origin",
                                                "Accept-Charset",
                                                "Accept-Encoding",
                                                "Access-Control-Request-Method",
                                                "X-HTTP-Method-Override",
                                                "Expect"),
                                        headerValue(0, 300))
                                .as(Map::entry)),
                Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.strings()
                                                .alpha()
                                                .withChars('-')
                                                .ofMinLength(1)
                                                .ofMaxLength(40),
                                        headerValue(0, 2_000))
                                .as(Map::entry)));
        Arbitrary<Map.Entry<String, String>> auth = Arbitraries.of(
                Map.entry("Authorization", Api.basic(key.consumerKey(), key.consumerSecret())),
                Map.entry("X-Nothing", ""));
        return Combinators.combine(auth, header.list().ofMinSize(1).ofMaxSize(6))
                .as((first, rest) -> {
                    List<Map.Entry<String, String>> all = new ArrayList<>();
                    all.add(first);
                    all.addAll(rest);
                    return all;
                });
    }

    /** JSON the routes half expect, random JSON, and broken JSON and bytes. */
    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> wellFormed =
                Arbitraries.frequencyOf(Tuple.of(5, routeLikeObject(2)), Tuple.of(1, jsonValue(3)));
        Arbitrary<String> broken = Combinators.combine(
                        wellFormed,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 10_000))
                .as((json, how, where) -> {
                    int at = json.isEmpty() ? 0 : where % json.length();
                    return switch (how) {
                        case 0 -> json.substring(0, at);
                        case 1 -> json.substring(0, at) + "\"" + json.substring(at);
                        case 2 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1));
                        default -> json + json;
                    };
                });
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(
                Tuple.of(6, wellFormed.map(json -> json.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, broken.map(json -> json.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, bytes));
    }

    private Arbitrary<String> routeLikeObject(int depth) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, userIds().map(id -> id.matches("-?[0-9]+") ? id : quote(id))),
                Tuple.of(2, scalar()),
                Tuple.of(1, depth > 0 ? Arbitraries.lazy(() -> routeLikeObject(depth - 1)) : scalar()),
                Tuple.of(
                        1,
                        depth > 0
                                ? Arbitraries.lazy(() -> routeLikeObject(depth - 1))
                                        .list()
                                        .ofMaxSize(4)
                                        .map(items -> "[" + String.join(",", items) + "]")
                                : scalar()));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(FIELDS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
        return Combinators.combine(name, value)
                .as((n, v) -> quote(n) + ": " + v)
                .list()
                .ofMaxSize(7)
                .map(members -> "{" + String.join(", ", members) + "}");
    }

    private Arbitrary<String> jsonValue(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1))
                .list()
                .ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(
                        Arbitraries.strings().all().ofMaxLength(8), Arbitraries.lazy(() -> jsonValue(depth - 1)))
                .as((n, v) -> quote(n) + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(scalar(), array, object);
    }

    private Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "0",
                                "1",
                                "-1",
                                "50",
                                "2147483647",
                                "2147483648",
                                "-2147483649",
                                "9223372036854775807",
                                "92233720368547758070",
                                "1e400",
                                "-0",
                                "0.5",
                                "1.0",
                                "1E2",
                                "true",
                                "false",
                                "null",
                                "\"5\"",
                                "\" 5 \"",
                                "\"5.5\"",
                                "\"\"",
                                "\"earn\"",
                                "\"redeem\"",
                                "\"expire\"",
                                "\"adjust\"",
                                "\"WC-77\"",
                                "\"2026-01-15T10:30:00.000\"",
                                "\"2026-01-15 10:30:00+06:30\"",
                                "\"2026-02-30\"",
                                "\"+999999999-12-31T23:59:59\"",
                                "\"active\"",
                                "\"inactive\"",
                                "{}",
                                "[]")),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map(FuzzIT::quote)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(250)
                                .ofMaxLength(70_000)
                                .map(FuzzIT::quote)));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
