package com.twork.points.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), Transport.retryAfter("120", clock));
        assertEquals(Optional.of(Duration.ofSeconds(90)), Transport.retryAfter("Sun, 01 Mar 2026 10:01:30 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), Transport.retryAfter("Sun, 01 Mar 2026 09:00:00 GMT", clock));
        assertEquals(Optional.empty(), Transport.retryAfter("soon", clock));
        assertEquals(Optional.empty(), Transport.retryAfter("-5", clock));
    }

    @Test
    void queryValuesAreEncoded() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("search", "café & tea+");
        parameters.put("page", "2");
        assertEquals("?search=caf%C3%A9%20%26%20tea%2B&page=2", Transport.query(parameters));
        assertEquals("", Transport.query(Map.of()));
    }

    @Test
    void errorEnvelopesBecomeExceptionsOfTheirKind() {
        assertInstanceOf(InsufficientPointsException.class, of(400, "insufficient_points"));
        assertInstanceOf(BadRequestException.class, of(422, "idempotency_key_reused"));
        assertInstanceOf(UnauthorizedException.class, of(401, "rest_forbidden"));
        assertInstanceOf(ForbiddenException.class, of(403, "rest_invalid_nonce"));
        assertInstanceOf(NotFoundException.class, of(404, "rest_no_route"));
        assertInstanceOf(ConflictException.class, of(409, "duplicate_transaction"));
        assertInstanceOf(TooManyRequestsException.class, of(429, "rest_too_many_requests"));
        assertInstanceOf(ServerErrorException.class, of(503, "service_unavailable"));
        assertEquals(PointsApiException.class, of(418, "teapot").getClass());
        InsufficientPointsException insufficient = (InsufficientPointsException) PointsApiException.of(
                400,
                "insufficient_points",
                "Insufficient points",
                Map.of("status", 400L, "current_balance", 12L, "required", 50L),
                Optional.empty(),
                Optional.of("req-1"));
        assertEquals(12, insufficient.currentBalance());
        assertEquals(50, insufficient.required());
        assertEquals(Optional.of("req-1"), insufficient.requestId());
    }

    @Test
    void requestsRefuseWhatTheServerCouldOnlyRefuse() {
        assertThrows(IllegalArgumentException.class, () -> EarnRequest.of(0, 10));
        assertThrows(IllegalArgumentException.class, () -> EarnRequest.of(5, -1));
        assertThrows(IllegalArgumentException.class, () -> EarnRequest.of(5, 1).withType(PointType.REDEEM));
        assertThrows(
                IllegalArgumentException.class, () -> RedeemRequest.of(5, 1).withDescription("x".repeat(1_001)));
        assertThrows(IllegalArgumentException.class, () -> SyncItem.of(" ", PointType.EARN, 1));
        assertFalse(new Credentials.ApiKey("ck_0123456789", "cs_topsecret")
                .toString()
                .contains("topsecret"));
    }

    private static PointsApiException of(int status, String code) {
        return PointsApiException.of(
                status, code, "m", Map.of("status", (long) status), Optional.empty(), Optional.empty());
    }
}
