package com.twork.points.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/** How the client proves itself on each request. Never printed with its secrets. */
abstract class Credentials {
    static final String NONCE_HEADER = "X-WP-Nonce";

    abstract void apply(HttpRequest.Builder request);

    /** Learns from an answer (a session's fresh nonce). */
    void observe(HttpResponse<?> response) {}

    static final class None extends Credentials {
        @Override
        void apply(HttpRequest.Builder request) {}

        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /** A WooCommerce-style key pair, sent as {@code Authorization: Basic base64(ck:cs)}. */
    static final class ApiKey extends Credentials {
        private final String header;
        private final String shown;

        ApiKey(String consumerKey, String consumerSecret) {
            if (consumerKey == null || consumerKey.isEmpty() || consumerSecret == null || consumerSecret.isEmpty()) {
                throw new IllegalArgumentException("an API key needs a consumer key and a consumer secret");
            }
            header = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
            shown = consumerKey.length() > 7 ? "..." + consumerKey.substring(consumerKey.length() - 4) : "...";
        }

        @Override
        void apply(HttpRequest.Builder request) {
            request.header("Authorization", header);
        }

        @Override
        public String toString() {
            return "API key " + shown;
        }
    }

    /** A logged-in session: its cookie and the latest nonce, which every valid call renews. */
    static final class Session extends Credentials {
        private final String token;
        private final AtomicReference<String> nonce;

        Session(String token, String nonce) {
            this.token = token;
            this.nonce = new AtomicReference<>(nonce);
        }

        @Override
        void apply(HttpRequest.Builder request) {
            request.header("Cookie", "twork_session=" + token).header(NONCE_HEADER, nonce.get());
        }

        @Override
        void observe(HttpResponse<?> response) {
            response.headers()
                    .firstValue(NONCE_HEADER)
                    .filter(value -> !value.isBlank())
                    .ifPresent(nonce::set);
        }

        void nonce(String fresh) {
            nonce.set(fresh);
        }

        @Override
        public String toString() {
            return "session ***";
        }
    }
}
