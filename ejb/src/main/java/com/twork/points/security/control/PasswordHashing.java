package com.twork.points.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes ({@code pbkdf2_sha256$iterations$salt$hash}, base64), the standard slow
 * algorithm, with 210,000 iterations (OWASP's figure for this function). The iteration count is stored in each
 * hash, so it can be raised later without breaking existing passwords. Plain Java, shared with the command
 * line that creates the first admin.
 */
public final class PasswordHashing {
    public static final int ITERATIONS = 210_000;
    public static final int MIN_LENGTH = 10;
    private static final String PREFIX = "pbkdf2_sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the login is unknown, so unknown and known logins take the same time. */
    private static final String DECOY = hash("decoy password nobody has", ITERATIONS);

    private PasswordHashing() {}

    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    public static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX
                + '$'
                + iterations
                + '$'
                + Base64.getEncoder().encodeToString(salt)
                + '$'
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** Constant-time comparison of the derived key; a malformed stored hash never matches. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time a real check would, for an unknown login. */
    public static void burnDecoy(String password) {
        matches(password, DECOY);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    /** Bytes of UTF-8 text, for callers comparing secrets. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
