package com.twork.points.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Talks to the shared test server over real HTTP on 127.0.0.1. */
public final class Api {
    public static final String PREFIX = "/wp-json/twork/v1/points";
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {}

    public static String base() {
        return SharedServer.Running.get().server.baseUrl();
    }

    /** A request from a made-up client address (the tests act as a trusted proxy, see {@link SharedServer}). */
    public static HttpRequest.Builder request(String pathAndQuery) {
        return request(pathAndQuery, randomClient());
    }

    public static HttpRequest.Builder request(String pathAndQuery, String clientAddress) {
        return HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    public static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(String pathAndQuery) {
        return send(request(PREFIX + pathAndQuery).GET().build());
    }

    public static Reply get(String pathAndQuery, Fixtures.Key key) {
        return send(request(PREFIX + pathAndQuery)
                .header("Authorization", basic(key.consumerKey(), key.consumerSecret()))
                .GET()
                .build());
    }

    public static Reply post(String path, Fixtures.Key key, String json) {
        return send(request(PREFIX + path)
                .header("Authorization", basic(key.consumerKey(), key.consumerSecret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
