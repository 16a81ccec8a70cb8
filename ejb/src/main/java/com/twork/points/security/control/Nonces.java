package com.twork.points.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WordPress-style nonces for cookie-authenticated REST calls: HMAC-SHA256 over (action, account, session,
 * 12-hour tick) with a key shared by all instances, 192 bits, base64url. A nonce is valid during its own tick
 * and the next one (12 to 24 hours), and only for the session it was made for.
 */
@ApplicationScoped
public class Nonces {
    public static final String ACTION = "wp_rest";
    static final Duration TICK = Duration.ofHours(12);

    @Inject
    ServerSecrets secrets;

    public String issue(long accountId, long sessionId, Instant now) {
        return make(accountId, sessionId, tick(now));
    }

    public boolean verify(String nonce, long accountId, long sessionId, Instant now) {
        long tick = tick(now);
        byte[] presented = nonce.getBytes(StandardCharsets.US_ASCII);
        boolean current = MessageDigest.isEqual(
                presented, make(accountId, sessionId, tick).getBytes(StandardCharsets.US_ASCII));
        boolean previous = MessageDigest.isEqual(
                presented, make(accountId, sessionId, tick - 1).getBytes(StandardCharsets.US_ASCII));
        return current | previous;
    }

    static long tick(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), TICK.toSeconds());
    }

    private String make(long accountId, long sessionId, long tick) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.get(ServerSecrets.NONCE_KEY), "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (ACTION + '|' + accountId + '|' + sessionId + '|' + tick).getBytes(StandardCharsets.UTF_8));
            byte[] truncated = new byte[24];
            System.arraycopy(digest, 0, truncated, 0, truncated.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(truncated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
