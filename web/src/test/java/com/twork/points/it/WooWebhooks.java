package com.twork.points.it;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** WooCommerce's webhook deliveries as the shop sends them: HMAC-SHA256 of the body, Base64, in a header. */
public final class WooWebhooks {
    private WooWebhooks() {}

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One delivery of {@code topic} with the given id and signature header. */
    public static Reply deliver(String topic, String deliveryId, String body, String signature) {
        return Api.send(Api.request(Api.PREFIX + "/webhooks/woocommerce")
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Delivery-ID", deliveryId)
                .header("X-WC-Webhook-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** One of an order's {@code line_items}, as WooCommerce sends it. */
    public static JsonObjectBuilder line(long id, long product, int quantity, String total) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("product_id", product)
                .add("quantity", quantity)
                .add("total", total);
    }
}
