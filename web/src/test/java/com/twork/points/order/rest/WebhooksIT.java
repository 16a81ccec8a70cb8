package com.twork.points.order.rest;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Jobs;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class WebhooksIT {
    private static final String SECRET = "woo-secret-for-tests";
    private static final AtomicLong ORDER_IDS = new AtomicLong(50_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final DateTimeFormatter WOO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private final Fixtures.Key key = Fixtures.writeKey();
    private LocalDateTime modified = LocalDateTime.now(ZoneOffset.UTC).withNano(0);

    @BeforeEach
    void configureWebhooks() {
        Fixtures.setSetting("webhook_secret", SECRET);
    }

    @AfterEach
    void unconfigureWebhooks() {
        Fixtures.setSetting("webhook_secret", "");
        Fixtures.setSetting("pending_days", "0");
    }

    private String order(long orderId, long customer, String status, String total, JsonArrayBuilder refunds) {
        modified = modified.plusSeconds(1);
        return Json.createObjectBuilder()
                .add("id", orderId)
                .add("status", status)
                .add("customer_id", customer)
                .add("total", total)
                .add("total_tax", "0.00")
                .add("shipping_total", "0.00")
                .add("refunds", refunds == null ? Json.createArrayBuilder() : refunds)
                .add("date_modified_gmt", WOO.format(modified))
                .build()
                .toString();
    }

    static String sign(String body, String secret) {
        return WooWebhooks.sign(secret, body);
    }

    private Reply deliver(String topic, String body) {
        return deliver(topic, UUID.randomUUID().toString(), body, sign(body, SECRET));
    }

    private Reply deliver(String topic, String deliveryId, String body, String signature) {
        HttpRequest.Builder request = Api.request(Api.PREFIX + "/webhooks/woocommerce")
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Delivery-ID", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-WC-Webhook-Signature", signature);
        }
        return Api.send(request.build());
    }

    private String outcome(Reply reply) {
        return reply.assertOk().getString("outcome");
    }

    private long balance(long member) {
        return Api.get("/balance/" + member, key)
                .assertOk()
                .getJsonNumber("current_balance")
                .longValueExact();
    }

    @Test
    void theSetUpPingIsAnsweredAndUnsignedOrBadlySignedEventsAreRefused() {
        Reply ping = Api.send(Api.request(Api.PREFIX + "/webhooks/woocommerce")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=12"))
                .build());
        assertEquals("ping", outcome(ping));
        long member = newMember();
        String body = order(ORDER_IDS.incrementAndGet(), member, "completed", "100.00", null);
        long deliveries = count("SELECT COUNT(*) FROM webhook_delivery");
        deliver("order.updated", "d1", body, null).assertError(401, "invalid_signature");
        deliver("order.updated", "d2", body, sign(body, "another secret")).assertError(401, "invalid_signature");
        deliver("order.updated", "d3", body + " ", sign(body, SECRET)).assertError(401, "invalid_signature");
        assertEquals(deliveries, count("SELECT COUNT(*) FROM webhook_delivery"), "nothing recorded");
        assertEquals(0, Ledger.rows(member));
    }

    @Test
    void aDeliveryRecordedButLeftUnappliedByAStoppedInstanceIsAppliedByTheRecoveryJob() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        String body = order(orderId, member, "completed", "75.00", null);
        // What a crash between recording and applying leaves: the row, "received", never finished.
        String left = "left-" + UUID.randomUUID();
        Fixtures.update(
                "INSERT INTO webhook_delivery (delivery_id, body_hash, topic, resource_id, outcome, payload, received_at)"
                        + " VALUES (?, SHA2(?, 256), 'order.updated', ?, 'received', ?, UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE)",
                left,
                body,
                Long.toString(orderId),
                body);
        // One still being applied by a live request (just recorded) is not touched.
        String inFlight = "in-flight-" + UUID.randomUUID();
        Fixtures.update(
                "INSERT INTO webhook_delivery (delivery_id, body_hash, topic, outcome, payload, received_at)"
                        + " VALUES (?, SHA2(?, 256), 'order.updated', 'received', '{}', UTC_TIMESTAMP(6))",
                inFlight,
                inFlight);
        try {
            String result = Jobs.runNow("webhook_recovery");
            assertTrue(result.contains("applied now"), result);
            assertEquals(75, balance(member), "the recorded order is awarded");
            assertEquals("applied", Fixtures.text("SELECT outcome FROM webhook_delivery WHERE delivery_id = ?", left));
            assertTrue(
                    Fixtures.text("SELECT detail FROM webhook_delivery WHERE delivery_id = ?", left)
                            .contains("recovered"),
                    "the delivery log says it was recovered");
            assertEquals(
                    "received", Fixtures.text("SELECT outcome FROM webhook_delivery WHERE delivery_id = ?", inFlight));

            // Run again: nothing is left, and the order is not awarded twice.
            assertEquals("no delivery left unapplied", Jobs.runNow("webhook_recovery"));
            assertEquals(75, balance(member));
            Ledger.assertInvariant(member);
        } finally {
            Fixtures.update("DELETE FROM webhook_delivery WHERE delivery_id = ?", inFlight);
        }
    }

    @Test
    void aCompletedOrderIsAwardedOnceEvenWhenDeliveredTwice() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        String body = Json.createObjectBuilder()
                .add("id", orderId)
                .add("status", "completed")
                .add("customer_id", member)
                .add("total", "130.00")
                .add("total_tax", "20.00")
                .add("shipping_total", "10.00")
                .add("refunds", Json.createArrayBuilder())
                .add("date_modified_gmt", WOO.format(modified))
                .build()
                .toString();
        String delivery = UUID.randomUUID().toString();
        assertEquals("applied", outcome(deliver("order.updated", delivery, body, sign(body, SECRET))));
        assertEquals("duplicate", outcome(deliver("order.updated", delivery, body, sign(body, SECRET))));
        assertEquals(100, balance(member), "eligible total excludes tax and shipping");
        // WooCommerce reuses a delivery id within a second: another body under the same id is another event.
        String other = order(ORDER_IDS.incrementAndGet(), member, "completed", "40.00", null);
        assertEquals("applied", outcome(deliver("order.updated", delivery, other, sign(other, SECRET))));
        assertEquals(140, balance(member));
        assertEquals(
                "completed", Fixtures.text("SELECT status FROM shop_order WHERE order_id = ?", Long.toString(orderId)));
        Ledger.assertInvariant(member);
    }

    @Test
    void anOlderEventNeverUndoesANewerOne() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        String completedFirst = order(orderId, member, "completed", "100.00", null);
        String cancelledLater = order(orderId, member, "cancelled", "100.00", null);
        assertEquals("applied", outcome(deliver("order.updated", cancelledLater)));
        assertEquals("stale", outcome(deliver("order.updated", completedFirst)));
        assertEquals(0, balance(member));
        assertEquals(0, Ledger.rows(member));
    }

    @Test
    void processingCompletedCancelledCompletedAwardsTakesBackAndAwardsAgainOnce() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        deliver("order.created", order(orderId, member, "processing", "80.00", null));
        assertEquals(0, balance(member), "award_on_status is completed");
        deliver("order.updated", order(orderId, member, "completed", "80.00", null));
        assertEquals(80, balance(member));
        deliver("order.updated", order(orderId, member, "completed", "80.00", null));
        assertEquals(80, balance(member), "a repeated completed event awards nothing more");
        Ledger.assertInvariant(member);
        deliver("order.updated", order(orderId, member, "cancelled", "80.00", null));
        assertEquals(0, balance(member));
        Ledger.assertInvariant(member);
        deliver("order.updated", order(orderId, member, "completed", "80.00", null));
        assertEquals(80, balance(member), "completed again: awarded again, once");
        assertEquals(2, count("SELECT award_count FROM shop_order WHERE order_id = ?", Long.toString(orderId)));
        JsonObject account = Api.get("/balance/" + member, key).assertOk();
        assertEquals(80, account.getInt("lifetime_earned"), "net of the reversal");
        Ledger.assertInvariant(member);
    }

    @Test
    void eachPartialRefundTakesBackItsShareOnce() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(orderId, member, "completed", "200.00", null));
        assertEquals(200, balance(member));
        JsonArrayBuilder one = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", orderId * 10 + 1).add("total", "-50.00"));
        deliver("order.updated", order(orderId, member, "completed", "200.00", one));
        assertEquals(150, balance(member));
        JsonArrayBuilder again = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", orderId * 10 + 1).add("total", "-50.00"));
        deliver("order.updated", order(orderId, member, "completed", "200.00", again));
        assertEquals(150, balance(member), "a refund id is applied once");
        JsonArrayBuilder two = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", orderId * 10 + 1).add("total", "-50.00"))
                .add(Json.createObjectBuilder().add("id", orderId * 10 + 2).add("total", "-25.00"));
        deliver("order.updated", order(orderId, member, "completed", "200.00", two));
        assertEquals(125, balance(member));
        deliver("order.updated", order(orderId, member, "refunded", "200.00", two));
        assertEquals(0, balance(member), "the full refund takes back only what is left of the award");
        Ledger.assertInvariant(member);
    }

    @Test
    void aCancellationTakesBackOnlyWhatIsLeftAndRefundsRedeemedPoints() {
        long member = newMember();
        long awarded = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(awarded, member, "completed", "100.00", null));
        long spentOn = ORDER_IDS.incrementAndGet();
        Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 80, \"order_id\": \"WC-" + spentOn + "\"}")
                .assertOk();
        deliver("order.updated", order(awarded, member, "cancelled", "100.00", null));
        assertEquals(0, balance(member));
        assertEquals(
                80,
                count("SELECT uncollectable FROM point_transaction WHERE user_id = ? AND type = 'adjust'", member),
                "80 were already spent");
        Ledger.assertInvariant(member);

        long second = newMember();
        Fixtures.insertLot(second, "earn", 200, Fixtures.now(), Fixtures.now().plus(Duration.ofDays(90)));
        long redeemedOn = ORDER_IDS.incrementAndGet();
        Api.post(
                        "/redeem",
                        key,
                        "{\"user_id\": " + second + ", \"points\": 50, \"order_id\": \"WC-" + redeemedOn + "\"}")
                .assertOk();
        assertEquals(150, balance(second));
        deliver("order.updated", order(redeemedOn, second, "cancelled", "60.00", null));
        assertEquals(200, balance(second), "points redeemed on a cancelled order come back");
        assertEquals(
                200,
                count("SELECT remaining FROM point_transaction WHERE user_id = ? AND type = 'earn'", second),
                "into the lot they came from, which has not expired");
        assertEquals(0, Api.get("/balance/" + second, key).assertOk().getInt("lifetime_redeemed"));
        deliver("order.updated", order(redeemedOn, second, "cancelled", "60.00", null));
        assertEquals(200, balance(second), "refunded once");
        Ledger.assertInvariant(second);
    }

    @Test
    void anAppClaimForAnOrderIsSupersededByTheShopsAward() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        JsonObject claim = Api.post(
                        "/earn",
                        key,
                        "{\"user_id\": " + member + ", \"points\": 100, \"order_id\": \"WC-" + orderId + "\"}")
                .assertOk();
        assertEquals(0, claim.getInt("new_balance"));
        assertEquals(100, Api.get("/balance/" + member, key).assertOk().getInt("pending_points"));
        deliver("order.updated", order(orderId, member, "completed", "100.00", null));
        JsonObject after = Api.get("/balance/" + member, key).assertOk();
        assertEquals(100, after.getInt("current_balance"), "one credit, not two");
        assertEquals(0, after.getInt("pending_points"));
        assertEquals(
                "void",
                Fixtures.text(
                        "SELECT status FROM point_transaction WHERE id = ?",
                        claim.getJsonNumber("transaction_id").longValueExact()));
        Ledger.assertInvariant(member);
    }

    @Test
    void redeemedPointsComeBackBeforeTheAwardIsTakenBack() {
        long member = newMember();
        Fixtures.insertLot(member, "earn", 100, Fixtures.now(), null);
        long orderId = ORDER_IDS.incrementAndGet();
        Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 100, \"order_id\": \"" + orderId + "\"}")
                .assertOk();
        deliver("order.updated", order(orderId, member, "completed", "80.00", null));
        Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 80}")
                .assertOk();
        assertEquals(0, balance(member));
        deliver("order.updated", order(orderId, member, "cancelled", "80.00", null));
        assertEquals(20, balance(member), "100 redeemed come back, then the 80 award is taken from them");
        Ledger.assertInvariant(member);
    }

    @Test
    void aClaimForAnOrderTheShopAlreadyAwardedAnswersWithTheAward() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(orderId, member, "completed", "60.00", null));
        long award = Fixtures.count(
                "SELECT award_transaction_id FROM shop_order WHERE order_id = ?", Long.toString(orderId));
        JsonObject claim = Api.post(
                        "/earn",
                        key,
                        "{\"user_id\": " + member + ", \"points\": 60, \"order_id\": \"WC-" + orderId + "\"}")
                .assertOk();
        assertEquals(award, claim.getJsonNumber("transaction_id").longValueExact());
        JsonObject after = Api.get("/balance/" + member, key).assertOk();
        assertEquals(60, after.getInt("current_balance"));
        assertEquals(0, after.getInt("pending_points"), "no claim left pending for ever");
    }

    @Test
    void aPartialRefundWhileTheAwardIsHeldShrinksTheHeldAward() {
        long member = newMember();
        Fixtures.setSetting("pending_days", "14");
        long orderId = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(orderId, member, "completed", "100.00", null));
        assertEquals(100, Api.get("/balance/" + member, key).assertOk().getInt("pending_points"));
        JsonArrayBuilder half = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", orderId * 10 + 7).add("total", "-50.00"));
        deliver("order.updated", order(orderId, member, "completed", "100.00", half));
        JsonObject held = Api.get("/balance/" + member, key).assertOk();
        assertEquals(50, held.getInt("pending_points"), "only what is left of the order stays held");
        assertEquals(0, held.getInt("current_balance"));
        Ledger.assertInvariant(member);
    }

    @Test
    void aSignedOrderBodyIsNeverTakenForACustomerOrADeletion() {
        long member = newMember();
        long orderId = ORDER_IDS.incrementAndGet();
        String body = order(orderId, member, "completed", "30.00", null);
        deliver("order.updated", body);
        assertEquals("ignored", outcome(deliver("customer.created", body)));
        assertEquals("ignored", outcome(deliver("order.deleted", body)));
        assertEquals(30, balance(member));
    }

    @Test
    void theTierMultiplierAppliesToOrderAwards() {
        long member = newMember();
        Fixtures.insertLot(member, "earn", 5_000, Fixtures.now(), null);
        deliver("order.updated", order(ORDER_IDS.incrementAndGet(), member, "completed", "100.00", null));
        assertEquals(5_110, balance(member), "bronze: x1.1");
        assertEquals(
                "bronze",
                Api.get("/balance/" + member, key)
                        .assertOk()
                        .getJsonObject("tier")
                        .getString("key"));
    }

    @Test
    void customerTopicsMaintainMembersAndGuestOrdersAwardNothing() {
        long id = 600_000_000L + System.nanoTime() % 1_000_000;
        String created = Json.createObjectBuilder()
                .add("id", id)
                .add("email", "guest@example.test")
                .add("first_name", "Ada")
                .add("last_name", "Lovelace")
                .build()
                .toString();
        deliver("customer.created", created);
        JsonObject member = Api.get("/members/" + id, key).assertOk();
        assertEquals("Ada Lovelace", member.getString("display_name"));
        assertEquals("guest@example.test", member.getString("email"));
        deliver(
                "customer.deleted",
                Json.createObjectBuilder().add("id", id).build().toString());
        assertEquals("inactive", Api.get("/members/" + id, key).assertOk().getString("status"));

        long guestOrder = ORDER_IDS.incrementAndGet();
        Reply guest = deliver("order.updated", order(guestOrder, 0, "completed", "90.00", null));
        assertTrue(guest.assertOk().getString("detail").contains("guest"));
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM shop_order WHERE order_id = ? AND user_id IS NULL",
                        Long.toString(guestOrder)));
    }

    @Test
    void heldAwardsAreReleasedByTheJobAfterPendingDays() {
        long member = newMember();
        Fixtures.setSetting("pending_days", "2");
        long orderId = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(orderId, member, "completed", "70.00", null));
        JsonObject held = Api.get("/balance/" + member, key).assertOk();
        assertEquals(0, held.getInt("current_balance"));
        assertEquals(70, held.getInt("pending_points"));
        Jobs.runNow("pending_release");
        assertEquals(0, balance(member), "not before its day");
        try {
            Fixtures.shiftClock(Duration.ofDays(3));
            Jobs.runNow("pending_release");
        } finally {
            Fixtures.shiftClock(Duration.ZERO);
        }
        JsonObject released = Api.get("/balance/" + member, key).assertOk();
        assertEquals(70, released.getInt("current_balance"));
        assertEquals(0, released.getInt("pending_points"));
        assertEquals(70, released.getInt("lifetime_earned"));
        Ledger.assertInvariant(member);

        long cancelled = newMember();
        long second = ORDER_IDS.incrementAndGet();
        deliver("order.updated", order(second, cancelled, "completed", "30.00", null));
        deliver("order.updated", order(second, cancelled, "cancelled", "30.00", null));
        JsonObject voided = Api.get("/balance/" + cancelled, key).assertOk();
        assertEquals(0, voided.getInt("pending_points"), "cancelled inside the window: void");
        assertEquals(0, voided.getInt("current_balance"));
    }
}
