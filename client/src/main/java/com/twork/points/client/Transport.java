package com.twork.points.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One HTTP exchange with the API: credentials on the way out, the error envelope turned into a typed exception
 * on the way back, and network failures into {@link PointsUnreachableException}.
 */
final class Transport {
    static final String PREFIX = "/wp-json/twork/v1/points";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final String USER_AGENT = "twork-points-client/1.0";

    private final HttpClient http;
    private final String api;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Credentials configured;
    private final AtomicReference<Credentials> current;

    Transport(HttpClient http, URI baseUri, Duration requestTimeout, Clock clock, Credentials configured) {
        this.http = http;
        String base = baseUri.toString();
        this.api = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PREFIX;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.configured = configured;
        this.current = new AtomicReference<>(configured);
    }

    /** An answer with a 2xx status (anything else has been thrown). */
    record Answer(int status, String body, HttpResponse<String> raw) {}

    <T> T call(
            String method,
            String path,
            Optional<JsonNode> body,
            Optional<String> idempotencyKey,
            Function<JsonNode, T> mapper) {
        return read(exchange(method, path, body, idempotencyKey), mapper);
    }

    <T> T read(Answer answer, Function<JsonNode, T> mapper) {
        try {
            return mapper.apply(Wire.parse(answer.body()));
        } catch (Wire.FormatException e) {
            throw new PointsProtocolException(
                    answer.status(), "Unexpected answer from the points server: " + e.getMessage(), e);
        }
    }

    Answer exchange(String method, String path, Optional<JsonNode> body, Optional<String> idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (body.isPresent()) {
            request.header("Content-Type", "application/json; charset=UTF-8")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(Wire.write(body.get()), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        idempotencyKey.ifPresent(key -> request.header(IDEMPOTENCY_HEADER, key));
        Credentials credentials = current.get();
        credentials.apply(request);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PointsUnreachableException(
                    "Could not reach the points server (" + method + " " + PREFIX + path + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PointsUnreachableException(
                    "Interrupted while calling the points server", new InterruptedIOException(e.getMessage()));
        }
        credentials.observe(response);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.body(), response);
        }
        throw error(response);
    }

    private PointsApiException error(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<Duration> retryAfter =
                response.headers().firstValue("Retry-After").flatMap(value -> retryAfter(value, clock));
        Optional<String> requestId = response.headers().firstValue("X-Request-Id");
        try {
            JsonNode envelope = Wire.parse(response.body());
            String code = Wire.text(envelope, "code");
            String message = Wire.text(envelope, "message");
            JsonNode data = envelope.get("data");
            Map<String, Object> values = data != null && data.isObject() ? Wire.plain(data) : Map.of("status", status);
            return PointsApiException.of(status, code, message, values, retryAfter, requestId);
        } catch (Wire.FormatException e) {
            return PointsApiException.of(
                    status,
                    "http_" + status,
                    "HTTP " + status + " without the API's error envelope",
                    Map.of("status", (long) status),
                    retryAfter,
                    requestId);
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3); unreadable values are ignored. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String text = value.trim();
        if (text.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? '?' : '&')
                .append(encode(name))
                .append('=')
                .append(encode(value)));
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    Credentials credentials() {
        return current.get();
    }

    void useSession(Credentials.Session session) {
        current.set(session);
    }

    /** Back to what the client was built with (after logout). */
    void endSession() {
        current.set(configured);
    }
}
