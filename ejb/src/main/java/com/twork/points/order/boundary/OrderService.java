package com.twork.points.order.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.order.control.OrderOutcome;
import com.twork.points.order.control.WebhookDeliveries;
import com.twork.points.order.control.WebhookEvents;
import com.twork.points.order.entity.ShopOrder;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.JsonProviders;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;

/** The staff view of WooCommerce orders: seen vs awarded, and re-processing an order from its last event. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderService {
    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookEvents events;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    AuditTrail audit;

    @RequiresPermission(value = Permission.READ, keys = false)
    public List<OrderView> orders(int page, int perPage) {
        return em
                .createNamedQuery("ShopOrder.newestFirst", ShopOrder.class)
                .setFirstResult(Math.max(0, page - 1) * perPage)
                .setMaxResults(perPage)
                .getResultList()
                .stream()
                .map(OrderView::of)
                .toList();
    }

    /**
     * Applies the order's newest received event again, whatever became of it (a delivery that failed is re-tried
     * this way), with its own topic. The rules are idempotent, so only what is missing happens.
     */
    @RequiresPermission(value = Permission.WRITE, keys = false)
    public WebhookReceipt reprocess(String orderId) {
        Object[] event = deliveries
                .latestOrderEvent(orderId)
                .orElseThrow(() ->
                        new InvalidInputException("invalid_params", "No event of order " + orderId + " to re-process"));
        String topic = (String) event[0];
        JsonObject payload;
        try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader((String) event[1]))) {
            payload = reader.readObject();
        }
        OrderOutcome outcome = events.apply(topic, payload);
        audit.action("order.reprocessed", "order " + orderId + " (" + topic + "): " + outcome.detail());
        return new WebhookReceipt(outcome.outcome(), outcome.detail());
    }
}
