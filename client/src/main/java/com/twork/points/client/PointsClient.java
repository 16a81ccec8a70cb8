package com.twork.points.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The points API (SPEC §3) as typed Java calls, over {@code java.net.http}. Thread-safe; build one per server and
 * share it.
 *
 * <pre>{@code
 * PointsClient client = PointsClient.builder(URI.create("https://shop.example.com"))
 *         .apiKey("ck_...", "cs_...")
 *         .build();
 * Balance balance = client.balance(5);
 * WriteResult earned = client.earn(EarnRequest.of(5, 120).withOrderId("WC-77"));
 * }</pre>
 *
 * Authentication is an API key (read key for GETs, write key for writes, {@code read_write} for both) or a
 * logged-in session: {@link #login} keeps the session cookie and its nonce (renewed from every answer) for all
 * later calls until {@link #logout}. Every failure is a {@link PointsClientException}: the server's error envelope
 * as a {@link PointsApiException} subclass carrying {@code code}, {@code message} and {@code data}, or
 * {@link PointsUnreachableException} when no answer came. Writes take an optional {@code Idempotency-Key}: repeat a
 * write that failed without an answer with the same key and the server applies it at most once.
 */
public final class PointsClient {
    private final Transport transport;

    private PointsClient(Transport transport) {
        this.transport = transport;
    }

    /** @param baseUri the server (or the shop host that forwards {@code /wp-json/twork/v1/points}), e.g. {@code https://shop.example.com} */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    // ---- reads

    /** {@code GET /balance/{user_id}}. */
    public Balance balance(long userId) {
        return get("/balance/" + Checks.userId(userId), Wire::balance);
    }

    /** {@code GET /transactions/{user_id}}: the first page, newest first. */
    public TransactionPage transactions(long userId) {
        return transactions(userId, TransactionQuery.firstPage());
    }

    /** {@code GET /transactions/{user_id}} with paging and filters. */
    public TransactionPage transactions(long userId, TransactionQuery query) {
        return get("/transactions/" + Checks.userId(userId) + Transport.query(query.parameters()), Wire::transactions);
    }

    /** {@code GET /expiring/{user_id}}: open lots expiring within 30 days, soonest first. */
    public ExpiringLots expiring(long userId) {
        return get("/expiring/" + Checks.userId(userId), Wire::expiring);
    }

    /** {@code GET /members/{user_id}}. */
    public Member member(long userId) {
        return get("/members/" + Checks.userId(userId), Wire::member);
    }

    // ---- writes

    /** {@code POST /earn}. */
    public WriteResult earn(EarnRequest request) {
        return earn(request, Optional.empty());
    }

    /** {@code POST /earn} with an {@code Idempotency-Key} (1-255 characters). */
    public WriteResult earn(EarnRequest request, String idempotencyKey) {
        return earn(request, Optional.of(idempotencyKey));
    }

    private WriteResult earn(EarnRequest request, Optional<String> idempotencyKey) {
        ObjectNode body = Wire.object();
        body.put("user_id", request.userId());
        body.put("points", request.points());
        body.put("type", request.type().wire());
        request.description().ifPresent(text -> body.put("description", text));
        request.orderId().ifPresent(order -> body.put("order_id", order));
        request.expiresAt().ifPresent(at -> body.put("expires_at", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        request.referredUserId().ifPresent(referred -> body.put("referred_user_id", referred));
        return post("/earn", body, idempotencyKey, Wire::written);
    }

    /** {@code POST /redeem}; a balance too low is an {@link InsufficientPointsException}. */
    public WriteResult redeem(RedeemRequest request) {
        return redeem(request, Optional.empty());
    }

    public WriteResult redeem(RedeemRequest request, String idempotencyKey) {
        return redeem(request, Optional.of(idempotencyKey));
    }

    private WriteResult redeem(RedeemRequest request, Optional<String> idempotencyKey) {
        ObjectNode body = Wire.object();
        body.put("user_id", request.userId());
        body.put("points", request.points());
        request.description().ifPresent(text -> body.put("description", text));
        request.orderId().ifPresent(order -> body.put("order_id", order));
        request.orderTotal().ifPresent(total -> body.put("order_total", total));
        return post("/redeem", body, idempotencyKey, Wire::written);
    }

    /** {@code POST /sync}: each item applied, recognised as a duplicate, or rejected independently. */
    public SyncResult sync(SyncRequest request) {
        return sync(request, Optional.empty());
    }

    public SyncResult sync(SyncRequest request, String idempotencyKey) {
        return sync(request, Optional.of(idempotencyKey));
    }

    private SyncResult sync(SyncRequest request, Optional<String> idempotencyKey) {
        ObjectNode body = Wire.object();
        body.put("user_id", request.userId());
        var items = body.putArray("transactions");
        for (SyncItem item : request.items()) {
            ObjectNode node = items.addObject();
            node.put("id", item.id());
            node.put("type", item.type().wire());
            node.put("points", item.points());
            node.put("description", item.description().orElse(null));
            node.put("order_id", item.orderId().orElse(null));
            node.put(
                    "expires_at",
                    item.expiresAt()
                            .map(at -> at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                            .orElse(null));
            item.createdAt().ifPresent(at -> node.put("created_at", DateTimeFormatter.ISO_INSTANT.format(at)));
        }
        return post("/sync", body, idempotencyKey, Wire::sync);
    }

    /** {@code POST /check-expired/{user_id}}: expires that member's due lots now. */
    public CheckExpiredResult checkExpired(long userId) {
        if (userId < 0) {
            throw new IllegalArgumentException("userId must not be negative");
        }
        return transport.call(
                "POST", "/check-expired/" + userId, Optional.empty(), Optional.empty(), Wire::checkExpired);
    }

    /** {@code POST /referral}: the referral bonus, once per referred member. */
    public BonusResult referral(long userId, long referredUserId) {
        return referral(userId, referredUserId, Optional.empty());
    }

    public BonusResult referral(long userId, long referredUserId, String idempotencyKey) {
        return referral(userId, referredUserId, Optional.of(idempotencyKey));
    }

    private BonusResult referral(long userId, long referredUserId, Optional<String> idempotencyKey) {
        ObjectNode body = Wire.object();
        body.put("user_id", Checks.userId(userId));
        body.put("referred_user_id", Checks.userId(referredUserId));
        return post("/referral", body, idempotencyKey, Wire::bonus);
    }

    /** {@code POST /birthday}: the birthday bonus, once per year. */
    public BonusResult birthday(long userId) {
        return birthday(userId, Optional.empty());
    }

    public BonusResult birthday(long userId, String idempotencyKey) {
        return birthday(userId, Optional.of(idempotencyKey));
    }

    private BonusResult birthday(long userId, Optional<String> idempotencyKey) {
        ObjectNode body = Wire.object();
        body.put("user_id", Checks.userId(userId));
        return post("/birthday", body, idempotencyKey, Wire::bonus);
    }

    /** {@code PUT /members/{user_id}}: creates the member when missing; fields not in the update stay. */
    public Member putMember(long userId, MemberUpdate update) {
        return transport.call(
                "PUT", "/members/" + Checks.userId(userId), Optional.of(update.body()), Optional.empty(), Wire::member);
    }

    // ---- sessions

    /**
     * {@code POST /auth/login}: from now on this client calls as the logged-in account (cookie and nonce), until
     * {@link #logout}. Wrong credentials are an {@link UnauthorizedException} ({@code invalid_login}).
     */
    public Login login(String login, char[] password) {
        ObjectNode body = Wire.object();
        body.put("login", Checks.text(login, "login"));
        body.put("password", String.valueOf(password));
        Transport.Answer answer = transport.exchange("POST", "/auth/login", Optional.of(body), Optional.empty());
        Login result = transport.read(answer, Wire::login);
        String nonce = transport.read(answer, json -> Wire.text(json, "nonce"));
        String token = answer.raw().headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("twork_session="))
                .map(cookie -> cookie.substring("twork_session=".length()).split(";", 2)[0])
                .findFirst()
                .orElseThrow(
                        () -> new PointsProtocolException(answer.status(), "The login answer set no session", null));
        transport.useSession(new Credentials.Session(token, nonce));
        return result;
    }

    /** {@code GET /auth/nonce}: a fresh nonce for the current session (also used by this client from now on). */
    public String refreshNonce() {
        if (!(transport.credentials() instanceof Credentials.Session session)) {
            throw new IllegalStateException("not logged in");
        }
        String nonce = transport.call(
                "GET", "/auth/nonce", Optional.empty(), Optional.empty(), json -> Wire.text(json, "nonce"));
        session.nonce(nonce);
        return nonce;
    }

    /** {@code POST /auth/logout}: ends the session; the client goes back to the credentials it was built with. */
    public void logout() {
        try {
            transport.call("POST", "/auth/logout", Optional.empty(), Optional.empty(), json -> json);
        } finally {
            transport.endSession();
        }
    }

    private <T> T get(String path, java.util.function.Function<JsonNode, T> mapper) {
        return transport.call("GET", path, Optional.empty(), Optional.empty(), mapper);
    }

    private <T> T post(
            String path,
            ObjectNode body,
            Optional<String> idempotencyKey,
            java.util.function.Function<JsonNode, T> mapper) {
        idempotencyKey.ifPresent(PointsClient::checkIdempotencyKey);
        return transport.call("POST", path, Optional.of(body), idempotencyKey, mapper);
    }

    private static void checkIdempotencyKey(String key) {
        if (key.isEmpty() || key.length() > 255) {
            throw new IllegalArgumentException("an Idempotency-Key has 1 to 255 characters");
        }
    }

    @Override
    public String toString() {
        return "PointsClient[" + transport.credentials() + "]";
    }

    /** Configures a {@link PointsClient}. */
    public static final class Builder {
        private final URI baseUri;
        private Credentials credentials = new Credentials.None();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            if (baseUri.getScheme() == null || baseUri.getHost() == null) {
                throw new IllegalArgumentException("baseUri must be absolute, e.g. https://shop.example.com");
            }
        }

        /** A WooCommerce-style key pair ({@code ck_...}, {@code cs_...}), sent as HTTP Basic credentials. */
        public Builder apiKey(String consumerKey, String consumerSecret) {
            this.credentials = new Credentials.ApiKey(consumerKey, consumerSecret);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long one call may take before it counts as unreachable (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The clock that dates {@code Retry-After} answers (tests pass a fixed one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Your own configured {@link HttpClient} (proxy, TLS); the connect timeout is then yours too. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        public PointsClient build() {
            HttpClient http = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            // HTTP/1.1: one request per connection at a time, no h2c upgrade dance on plain HTTP.
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
            return new PointsClient(new Transport(http, baseUri, requestTimeout, clock, credentials));
        }
    }
}
