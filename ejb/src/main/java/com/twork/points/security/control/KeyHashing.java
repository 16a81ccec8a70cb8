package com.twork.points.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WooCommerce-compatible key material: {@code ck_}/{@code cs_} followed by 40 hex digits (160 random bits),
 * the consumer key looked up by {@code hash_hmac('sha256', ck, 'wc-api')}, the secret kept as SHA-256 and
 * compared in constant time. Plain Java, so the operator commands use exactly the same code as the server.
 */
public final class KeyHashing {
    private static final Pattern CONSUMER_KEY = Pattern.compile("ck_[0-9a-f]{40}");
    private static final Pattern CONSUMER_SECRET = Pattern.compile("cs_[0-9a-f]{40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyHashing() {}

    /** {@code hex(HMAC-SHA256(message = consumerKey, key = "wc-api"))}, exactly WooCommerce's lookup hash. */
    public static String consumerKeyHash(String consumerKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("wc-api".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(consumerKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    public static String secretHash(String consumerSecret) {
        return sha256Hex(consumerSecret);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code presentedSecret} hashes to {@code storedHash}, compared in constant time. */
    public static boolean secretMatches(String presentedSecret, String storedHash) {
        byte[] presented = secretHash(presentedSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, stored);
    }

    public static boolean isConsumerKey(String value) {
        return value != null && CONSUMER_KEY.matcher(value).matches();
    }

    public static boolean isConsumerSecret(String value) {
        return value != null && CONSUMER_SECRET.matcher(value).matches();
    }

    public static String newConsumerKey() {
        return "ck_" + randomHex();
    }

    public static String newConsumerSecret() {
        return "cs_" + randomHex();
    }

    /** The last seven characters, which WooCommerce shows to tell keys apart. */
    public static String truncated(String consumerKey) {
        return consumerKey.length() <= 7 ? consumerKey : consumerKey.substring(consumerKey.length() - 7);
    }

    private static String randomHex() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
