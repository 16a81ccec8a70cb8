package com.twork.points.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A logged-in browser session as the tests drive it: the cookie token and the latest nonce. */
public final class Session {
    public final long accountId;
    public final String token;
    public String nonce;

    private Session(long accountId, String token, String nonce) {
        this.accountId = accountId;
        this.token = token;
        this.nonce = nonce;
    }

    /** Logs in through {@code POST /auth/login} and keeps what the answer gave. */
    public static Session login(String login, String password) {
        Reply reply = Api.send(Api.request(Api.PREFIX + "/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}"))
                .build());
        JsonObject body = reply.assertOk();
        String cookie = reply.raw().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("twork_session="))
                .findFirst()
                .orElseThrow();
        String token = cookie.substring("twork_session=".length(), cookie.indexOf(';'));
        assertEquals(body.getString("nonce"), reply.header("X-WP-Nonce").orElseThrow());
        return new Session(body.getJsonNumber("account_id").longValueExact(), token, body.getString("nonce"));
    }

    public HttpRequest.Builder request(String path) {
        return withNonce(path, Optional.of(nonce));
    }

    public HttpRequest.Builder withNonce(String path, Optional<String> withNonce) {
        HttpRequest.Builder builder = Api.request(Api.PREFIX + path).header("Cookie", "twork_session=" + token);
        withNonce.ifPresent(value -> builder.header("X-WP-Nonce", value));
        return builder;
    }

    /** The id of this session's row, as the nonce binds to it. */
    public long sessionId() {
        return Fixtures.count("SELECT id FROM login_session WHERE account_id = ? ORDER BY id DESC LIMIT 1", accountId);
    }

    /** A nonce made the server's way for another 12-hour tick (e.g. one that expired long ago). */
    public String nonceForTick(long tick) {
        byte[] key = Base64.getDecoder()
                .decode(Fixtures.text("SELECT value FROM server_secret WHERE name = 'nonce_hmac_key'"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    ("wp_rest|" + accountId + "|" + sessionId() + "|" + tick).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long currentTick() {
        return Math.floorDiv(System.currentTimeMillis() / 1000, 12 * 3600);
    }
}
