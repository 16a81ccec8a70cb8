package com.twork.points.platform.rest;

import com.twork.points.idempotency.boundary.IdempotencyClaim;
import com.twork.points.idempotency.boundary.IdempotencyService;
import com.twork.points.idempotency.control.ClaimsInFlight;
import com.twork.points.idempotency.control.RequestIdempotency;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.security.control.KeyHashing;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §3.7 {@code Idempotency-Key} on every POST: the first request claims the key and its answer (2xx or 4xx)
 * is stored; the same key with the same body gets that answer again with {@code Idempotency-Replayed: true}; with
 * another body 422; while the first is still running 409. Claiming authenticates first and the scope is the
 * verified caller (one key, or one logged-in session), so nobody else can replay someone's answers.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final String SCOPE = "twork.idempotency-scope";
    private static final Pattern USER_IN_PATH = Pattern.compile("(?:^|/)([1-9][0-9]{0,17})(?:/|$)");

    @Inject
    IdempotencyService idempotency;

    @Inject
    ClaimsInFlight inFlight;

    @Inject
    RequestIdempotency requestIdempotency;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null
                || !"POST".equals(request.getMethod())
                || request.getUriInfo().getPath().startsWith("auth/")) {
            return; // logins and logouts are not replayable answers
        }
        if (key.isEmpty() || key.length() > 255) {
            throw new RequestFailure(
                    400,
                    "rest_invalid_param",
                    "Invalid parameter(s): Idempotency-Key",
                    Map.of("params", Map.of(HEADER, "Idempotency-Key must be 1 to 255 characters.")));
        }
        Object body = request.getProperty(RequestBodyFilter.PROPERTY);
        String bodyHash = KeyHashing.sha256Hex(body instanceof JsonValue json ? CanonicalJson.of(json) : "");
        String path = request.getUriInfo().getPath();
        IdempotencyClaim claim;
        try {
            claim = TransientFailures.retry(
                    () -> idempotency.claim(request.getMethod(), path, key, bodyHash, member(body, path)));
        } catch (RuntimeException failed) {
            // The claim's transaction failed, possibly at COMMIT with its row written (a Galera node lost): this
            // request carries the claim no more, so a retry on this instance may take it at once (decision 105).
            requestIdempotency.scope().ifPresent(inFlight::release);
            throw failed;
        }
        if (claim instanceof IdempotencyClaim.Started started) {
            request.setProperty(SCOPE, started.scope());
        } else if (claim instanceof IdempotencyClaim.Replay replay) {
            request.abortWith(Response.status(replay.status())
                    .type(PointsApi.JSON)
                    .entity(replay.body())
                    .header(REPLAYED, "true")
                    .build());
        } else if (claim instanceof IdempotencyClaim.InProgress) {
            request.abortWith(ErrorResponses.of(
                    409,
                    "idempotency_key_in_progress",
                    "A request with this Idempotency-Key is still being processed."));
        } else {
            request.abortWith(ErrorResponses.of(
                    422,
                    "idempotency_key_reused",
                    "This Idempotency-Key was already used with a different request body."));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object scope = request.getProperty(SCOPE);
        if (scope == null) {
            return;
        }
        String body = response.hasEntity() ? serialised(response.getEntity()) : "";
        // Its own transaction after the use case's: on a Galera cluster it can lose certification (1213) like any
        // other write, and storing the same answer again is harmless.
        try {
            TransientFailures.retry(() -> {
                idempotency.finish(scope.toString(), response.getStatus(), body);
                return null;
            });
        } finally {
            // Stored, forgotten or neither (the database lost under it): this request no longer carries the claim.
            inFlight.release(scope.toString());
        }
        if (response.hasEntity()) {
            response.setEntity(body);
        }
    }

    /**
     * The member a request is about: the body's {@code user_id} (a whole number or a numeric string), else the user
     * id in the path. Stored with the record so that erasing the member finds it (docs/privacy.md).
     */
    static Optional<Long> member(Object body, String path) {
        if (body instanceof JsonObject object && object.get("user_id") != null) {
            JsonValue value = object.get("user_id");
            String text =
                    value instanceof JsonString string ? string.getString().trim() : value.toString();
            if (text.matches("[1-9][0-9]{0,17}")) {
                return Optional.of(Long.parseLong(text));
            }
        }
        Matcher inPath = USER_IN_PATH.matcher(path);
        return inPath.find() ? Optional.of(Long.parseLong(inPath.group(1))) : Optional.empty();
    }

    private static String serialised(Object entity) {
        return entity instanceof String text ? text : JsonbConfiguration.JSONB.toJson(entity);
    }
}
