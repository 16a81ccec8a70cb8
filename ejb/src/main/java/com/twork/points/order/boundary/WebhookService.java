package com.twork.points.order.boundary;

import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.ops.control.PointsMetrics;
import com.twork.points.order.control.OrderOutcome;
import com.twork.points.order.control.WebhookDeliveries;
import com.twork.points.order.control.WebhookEvents;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.JsonNesting;
import com.twork.points.platform.control.JsonProviders;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /webhooks/woocommerce} (SPEC §6.4): the signature is checked on the raw body before anything is
 * parsed; the delivery is recorded (WooCommerce repeats a delivery id within a second, so duplicates are told
 * apart by id and body hash); then the event is applied in its own transaction. WooCommerce never retries and
 * disables a webhook after five failures, so once recorded a delivery is answered 200 even when applying it
 * failed: the failure stays visible in the delivery log instead.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

    /** A delivery still "received" this long after it arrived was left by an instance that stopped. */
    public static final Duration RECOVER_AFTER = Duration.ofMinutes(2);

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookEvents events;

    @Inject
    FailureAlerts failures;

    @Inject
    PointsMetrics metrics;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    public WebhookReceipt receive(String topic, String deliveryId, String signature, byte[] body) {
        try {
            verify(signature, body);
        } catch (InvalidSignatureException refused) {
            metrics.webhookDelivery("invalid_signature");
            throw refused;
        }
        String bodyHash = HexFormat.of().formatHex(sha256(body));
        String delivery = deliveryId == null || deliveryId.isBlank() ? "none" : deliveryId.trim();
        String name = topic == null ? "unknown" : topic.trim();
        JsonObject payload = parsed(new String(body, StandardCharsets.UTF_8));
        String resource = payload == null
                ? null
                : Optional.ofNullable(payload.get("id")).map(Object::toString).orElse(null);
        Optional<Long> recorded = deliveries.record(
                delivery, bodyHash, name, resource, new String(body, StandardCharsets.UTF_8), clock.now());
        if (recorded.isEmpty()) {
            metrics.webhookDelivery("duplicate");
            return new WebhookReceipt("duplicate", "delivery " + delivery + " was received before");
        }
        return applyRecorded(recorded.get(), delivery, name, payload, "");
    }

    /**
     * Applies the deliveries an instance recorded and then never finished: it stopped (a crash, a kill) between
     * recording a delivery and applying it, so the shop got no answer and will not send it again. Run by
     * {@code WebhookRecoveryJob} for deliveries older than {@link #RECOVER_AFTER}, far longer than any request
     * lives. Applying an order event twice is safe (it is what the console's re-process does), and each delivery
     * is claimed first, so one instance applies it. Answers how many were applied.
     */
    public int recoverUnfinished(int limit) {
        int recovered = 0;
        for (WebhookDeliveries.Unfinished left :
                deliveries.unfinished(clock.now().minus(RECOVER_AFTER), limit)) {
            if (!deliveries.claimForRecovery(left.id())) {
                continue;
            }
            WebhookReceipt receipt = applyRecorded(
                    left.id(),
                    left.deliveryId(),
                    left.topic(),
                    left.payload().map(WebhookService::parsed).orElse(null),
                    " (recovered: recorded at " + left.receivedAt() + " by an instance that stopped before applying)");
            failures.record(
                    "webhook",
                    "Webhook " + left.topic() + " delivery " + left.deliveryId() + " was recorded but not applied by"
                            + " an instance that stopped; recovery applied it: " + receipt.outcome(),
                    clock.now());
            recovered++;
        }
        return recovered;
    }

    /** Applies a recorded delivery in its own transaction and writes its outcome; a failure stays visible. */
    private WebhookReceipt applyRecorded(long id, String delivery, String name, JsonObject payload, String note) {
        WebhookReceipt receipt;
        try {
            if (payload == null) {
                receipt = new WebhookReceipt("failed", "the body is not a JSON object");
            } else {
                OrderOutcome outcome = events.apply(name, payload);
                if (outcome.bodyMustNotBeKept()) {
                    deliveries.forgetBody(id);
                }
                receipt = new WebhookReceipt(outcome.outcome(), outcome.detail());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Webhook delivery " + delivery + " (" + name + ") failed");
            receipt = new WebhookReceipt("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        deliveries.finish(id, receipt.outcome(), receipt.detail() + note);
        metrics.webhookDelivery(receipt.outcome());
        if ("failed".equals(receipt.outcome())) {
            failures.record("webhook", "Webhook " + name + " failed: " + receipt.detail(), clock.now());
        }
        return receipt;
    }

    /** The stored body as a JSON object, or null when it is not one (recorded as such, applied as a failure). */
    private static JsonObject parsed(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (JsonNesting.exceeds(bytes, JsonNesting.MAX_DEPTH)) {
            return null;
        }
        try (JsonReader reader = JsonProviders.JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private void verify(String signature, byte[] body) {
        String secret = settings.current().raw(SettingKey.WEBHOOK_SECRET);
        if (secret.isEmpty() || signature == null || signature.isBlank()) {
            throw new InvalidSignatureException();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
            if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
                throw new InvalidSignatureException();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
