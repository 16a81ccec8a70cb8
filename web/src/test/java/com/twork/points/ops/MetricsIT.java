package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §9 metrics, as a Prometheus scraper sees them at /metrics. */
@ExtendWith(SharedServer.class)
class MetricsIT {
    @Test
    void countersTimersAndTheOutstandingPointsGaugeAreExported() {
        Fixtures.Key key = Fixtures.writeKey();
        long member = Fixtures.newMember();
        Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": 5}").assertOk();
        Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 50}")
                .assertError(400, "insufficient_points");
        Api.post(
                        "/sync",
                        key,
                        "{\"user_id\": " + member + ", \"transactions\": [{\"id\": \"m1\", \"type\": \"expire\","
                                + " \"points\": 1}]}")
                .assertOk();
        Api.get("/balance/" + member, key).assertOk();
        Api.get("/balance/" + member, new Fixtures.Key(0, "ck_nope", "cs_nope")).assertError(401, "rest_forbidden");

        Reply metrics = Api.send(
                Api.request("/metrics").header("Accept", "text/plain").GET().build());

        assertEquals(200, metrics.status());
        String text = metrics.body();
        for (String expected : List.of(
                "twork_transactions_total",
                "type=\"earn\"",
                "outcome=\"applied\"",
                "outcome=\"rejected\"",
                "twork_sync_items_total",
                "status=\"ignored\"",
                "twork_auth_failures_total",
                "twork_outstanding_points",
                "BalancesResource")) {
            assertTrue(text.contains(expected), expected + " in /metrics");
        }
    }
}
