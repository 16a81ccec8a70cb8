package com.twork.points.order.control;

import com.twork.points.catalog.control.ProductEvents;
import com.twork.points.order.entity.ShopOrder;
import com.twork.points.platform.control.JsonProviders;
import com.twork.points.platform.control.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one verified webhook event by its topic, each in its own transaction (retried on deadlock). Shared by
 * live deliveries and staff re-processing. The body must look like its topic: the signature covers the body but
 * not the topic header, so a signed order body is never taken as a customer or a deletion.
 */
@ApplicationScoped
public class WebhookEvents {
    static final Set<String> ORDER_CHANGES = Set.of("order.created", "order.updated", "order.restored");
    static final Set<String> CUSTOMER_CHANGES = Set.of("customer.created", "customer.updated");
    static final Set<String> PRODUCT_CHANGES = Set.of("product.created", "product.updated", "product.restored");

    @Inject
    OrderProcessing orders;

    @Inject
    CustomerEvents customers;

    @Inject
    ProductEvents products;

    @PersistenceContext
    EntityManager em;

    public OrderOutcome apply(String topic, JsonObject payload) {
        String body = payload.toString();
        if (ORDER_CHANGES.contains(topic)) {
            if (!payload.containsKey("total") || !payload.containsKey("status")) {
                return new OrderOutcome("ignored", "an " + topic + " event without an order in it");
            }
            return TransientFailures.retry(() -> orders.apply(OrderEvent.of(payload, body), false));
        }
        if ("order.deleted".equals(topic)) {
            if (payload.size() > 2) {
                return new OrderOutcome("ignored", "order.deleted carries only the order id");
            }
            return TransientFailures.retry(() -> orders.apply(OrderEvent.of(withCustomer(payload), body), true));
        }
        if (CUSTOMER_CHANGES.contains(topic) || "customer.deleted".equals(topic)) {
            boolean deleted = topic.endsWith("deleted");
            boolean looksLikeCustomer =
                    deleted ? payload.size() <= 2 : payload.containsKey("email") && !payload.containsKey("total");
            if (!looksLikeCustomer) {
                return new OrderOutcome("ignored", "the body is not a customer for " + topic);
            }
            return TransientFailures.retry(() -> customers.apply(payload, deleted));
        }
        if (PRODUCT_CHANGES.contains(topic) || "product.deleted".equals(topic)) {
            boolean deleted = topic.endsWith("deleted");
            boolean looksLikeProduct = deleted
                    ? payload.size() <= 2
                    : payload.containsKey("name") && !payload.containsKey("total") && !payload.containsKey("email");
            if (!looksLikeProduct) {
                return new OrderOutcome("ignored", "the body is not a product for " + topic);
            }
            ProductEvents.ProductChange change = ProductEvents.ProductChange.of(payload);
            return OrderOutcome.applied(TransientFailures.retry(() -> products.apply(change, deleted)));
        }
        return new OrderOutcome("ignored", "topic " + topic + " is not used");
    }

    /** A deleted order's payload carries only its id: the customer comes from what we know of the order. */
    private JsonObject withCustomer(JsonObject payload) {
        String id = payload.containsKey("id") ? payload.get("id").toString().replace("\"", "") : "";
        Long member = Optional.ofNullable(em.find(ShopOrder.class, id))
                .flatMap(ShopOrder::userId)
                .orElse(0L);
        return JsonProviders.JSON
                .createObjectBuilder(payload)
                .add("customer_id", member)
                .add("status", "trash")
                .add(
                        "total",
                        Optional.ofNullable(em.find(ShopOrder.class, id))
                                .map(order -> order.total().toPlainString())
                                .orElse("0"))
                .build();
    }
}
