package com.twork.points.ops;

import static com.twork.points.it.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Jobs;
import com.twork.points.it.Listeners;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §9 operations: health, JSON logs with request ids, housekeeping and reconciliation jobs. */
@ExtendWith(SharedServer.class)
class OperationsIT {
    @Test
    void readinessAndLivenessAreReported() {
        Reply ready = Api.send(Api.request("/health/ready").GET().build());
        assertEquals(200, ready.status(), ready.body());
        JsonObject readiness = ready.object();
        assertEquals("UP", readiness.getString("status"));
        assertTrue(readiness.toString().contains("twork-database"));
        Reply live = Api.send(Api.request("/health/live").GET().build());
        assertEquals(200, live.status(), live.body());
        assertTrue(live.body().contains("twork-alive"));
    }

    @Test
    void theServerListensOnLoopbackOnlyByDefault() {
        int port = URI.create(Api.base()).getPort();
        List<String> addresses = Listeners.addressesListeningOn(port);
        assertTrue(Listeners.loopbackOnly(addresses), "HTTP port " + port + " listened on " + addresses);
    }

    @Test
    void logLinesAreJsonAndCarryTheRequestId() throws Exception {
        String requestId = "ops-" + UUID.randomUUID();
        Api.send(Api.request(Api.PREFIX + "/balance/1")
                        .header("X-Request-Id", requestId)
                        .header("Authorization", Api.basic("ck_unknown", "cs_unknown"))
                        .GET()
                        .build())
                .assertError(401, "rest_forbidden");
        Path log = Path.of(System.getProperty("twork.it.work-dir", "target/it")).resolve("logs/twork-points.0.log");
        String line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(text -> text.contains(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with request id " + requestId));
        assertTrue(line.startsWith("{\"ts\":\""), line);
        assertTrue(line.contains("\"level\":\"INFO\""), line);
        assertTrue(line.contains("\"event\":\"AuthFailures\""), line);
        assertTrue(line.contains("\"request_id\":\"" + requestId + "\""), line);
        assertTrue(!line.contains("cs_unknown"), "never the secret");
    }

    @Test
    void housekeepingDeletesWhatIsOldAndKeepsWhatIsNot() {
        String fresh = "keep-" + UUID.randomUUID();
        String stale = "drop-" + UUID.randomUUID();
        Fixtures.update(
                "INSERT INTO throttle (bucket, window_start, hits) VALUES (?, UTC_TIMESTAMP(6) - INTERVAL 2 DAY, 3),"
                        + " (?, UTC_TIMESTAMP(6), 3)",
                stale,
                fresh);
        Fixtures.update(
                "INSERT INTO idempotency_record (scope_hash, credential, http_method, path, idempotency_key,"
                        + " request_hash, state, created_at, expires_at) VALUES (SHA2(?, 256), 'c', 'POST', 'earn', ?, 'h',"
                        + " 'complete', UTC_TIMESTAMP(6) - INTERVAL 2 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY)",
                stale,
                stale);
        Fixtures.update(
                "INSERT INTO webhook_delivery (delivery_id, body_hash, topic, outcome, received_at)"
                        + " VALUES (?, SHA2(?, 256), 'order.updated', 'applied', UTC_TIMESTAMP(6) - INTERVAL 100 DAY)",
                stale,
                stale);

        String result = Jobs.runNow("housekeeping");

        assertTrue(result.startsWith("deleted"), result);
        assertEquals(0, count("SELECT COUNT(*) FROM throttle WHERE bucket = ?", stale));
        assertEquals(1, count("SELECT COUNT(*) FROM throttle WHERE bucket = ?", fresh));
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE idempotency_key = ?", stale));
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE delivery_id = ?", stale));
    }

    @Test
    void reconciliationReportsDriftWithoutRepairingIt() {
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 100, Fixtures.now(), null);
        assertEquals("all balances agree with their ledgers", Jobs.runNow("reconciliation"));
        long failures = count("SELECT COUNT(*) FROM failure_event WHERE kind = 'reconciliation'");
        Fixtures.update("UPDATE point_account SET balance = 130 WHERE user_id = ?", member);
        try {
            String result = Jobs.runNow("reconciliation");
            assertTrue(result.contains("drift") && result.contains("userId=" + member), result);
            assertEquals(
                    failures + 1,
                    count("SELECT COUNT(*) FROM failure_event WHERE kind = 'reconciliation'"),
                    "drift raises the failure alert");
            assertEquals(130, count("SELECT balance FROM point_account WHERE user_id = ?", member), "not repaired");
        } finally {
            Fixtures.update("UPDATE point_account SET balance = 100 WHERE user_id = ?", member);
        }
    }
}
