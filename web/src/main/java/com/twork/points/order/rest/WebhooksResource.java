package com.twork.points.order.rest;

import com.twork.points.order.boundary.WebhookReceipt;
import com.twork.points.order.boundary.WebhookService;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.platform.rest.RawBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@code POST /webhooks/woocommerce}. WooCommerce's set-up ping is an unsigned form body {@code webhook_id=<n>}:
 * answered 200, nothing done. Everything else must carry a valid signature (401 {@code invalid_signature}).
 */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("webhooks/woocommerce")
@Produces(PointsApi.JSON)
public class WebhooksResource {
    private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,19}");

    @Inject
    WebhookService webhooks;

    @Inject
    HttpServletRequest request;

    @POST
    @RawBody
    public Map<String, Object> receive(
            @HeaderParam("X-WC-Webhook-Topic") String topic,
            @HeaderParam("X-WC-Webhook-Delivery-ID") String deliveryId,
            @HeaderParam("X-WC-Webhook-Signature") String signature) {
        byte[] body = (byte[]) request.getAttribute(RawBody.PROPERTY);
        if (signature == null
                && PING.matcher(new String(body, StandardCharsets.UTF_8).trim()).matches()) {
            return Map.of("success", true, "outcome", "ping");
        }
        WebhookReceipt receipt = webhooks.receive(topic, deliveryId, signature, body);
        return Map.of("success", true, "outcome", receipt.outcome(), "detail", receipt.detail());
    }
}
