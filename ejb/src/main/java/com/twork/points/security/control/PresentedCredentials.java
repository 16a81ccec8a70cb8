package com.twork.points.security.control;

import java.util.Optional;

/**
 * What a request offered as proof of identity, before anything was verified. {@code toString} never shows a
 * secret, a session token or a nonce.
 */
public sealed interface PresentedCredentials {
    /** Nothing usable was sent. */
    record None() implements PresentedCredentials {}

    /** Something was sent but could not be read (bad Basic header, half a key pair...). */
    record Malformed(String reason) implements PresentedCredentials {}

    /** A consumer key and secret, from the Basic header or the query string. */
    record ApiKeyPair(String consumerKey, String consumerSecret) implements PresentedCredentials {
        @Override
        public String toString() {
            return "ApiKeyPair[consumerKey=***, consumerSecret=***]";
        }
    }

    /** A session cookie, with the {@code X-WP-Nonce} header if one was sent. */
    record Session(String token, Optional<String> nonce) implements PresentedCredentials {
        @Override
        public String toString() {
            return "Session[token=***, nonce=" + (nonce.isPresent() ? "***" : "none") + "]";
        }
    }
}
