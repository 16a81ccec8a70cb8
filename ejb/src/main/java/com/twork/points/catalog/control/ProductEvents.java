package com.twork.points.catalog.control;

import com.twork.points.catalog.entity.Product;
import com.twork.points.platform.control.AppClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one WooCommerce product event (or one product of an import) to the catalog, in its own transaction
 * under the product's row lock. Events older ({@code date_modified_gmt}) than the last one applied are ignored, so
 * out-of-order deliveries never bring back an old SKU or old categories; a deletion counts as made when it arrives
 * (its payload carries only the id), so an update delivered after it is ignored too.
 */
@ApplicationScoped
public class ProductEvents {
    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    /** What a product payload says; refuses (IllegalArgumentException) one without a usable id. */
    public record ProductChange(
            long productId, String sku, String name, Map<Long, String[]> categories, Optional<Instant> modified) {

        public static ProductChange of(JsonObject product) {
            long id = number(product.get("id"))
                    .filter(value -> value > 0)
                    .orElseThrow(() -> new IllegalArgumentException("a product without a positive id"));
            Map<Long, String[]> categories = new LinkedHashMap<>();
            JsonValue list = product.get("categories");
            if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue value : list.asJsonArray()) {
                    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw new IllegalArgumentException("product " + id + ": a category is not an object");
                    }
                    JsonObject category = value.asJsonObject();
                    long categoryId = number(category.get("id"))
                            .filter(value1 -> value1 > 0)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("product " + id + ": a category without id"));
                    categories.put(categoryId, new String[] {text(category, "name"), text(category, "slug")});
                }
            }
            return new ProductChange(
                    id,
                    text(product, "sku"),
                    text(product, "name"),
                    categories,
                    utc(text(product, "date_modified_gmt")));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String apply(ProductChange change, boolean deleted) {
        Instant now = clock.now();
        Product product = locked(change.productId(), now);
        if (deleted) {
            product.delete(Optional.of(now), now);
            return "product " + change.productId() + " deleted";
        }
        if (product.isNewerThan(change.modified())) {
            return "product " + change.productId() + " already at a newer state";
        }
        change.categories()
                .forEach((id, names) -> em.createNativeQuery("INSERT INTO product_category_name"
                                + " (category_id, name, slug, updated_at) VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE"
                                + " name = VALUES(name), slug = VALUES(slug), updated_at = VALUES(updated_at)")
                        .setParameter(1, id)
                        .setParameter(2, truncate(names[0], 255))
                        .setParameter(3, truncate(names[1], 255))
                        .setParameter(4, now)
                        .executeUpdate());
        product.update(
                truncate(change.sku(), 100),
                truncate(change.name(), 255),
                change.categories().keySet(),
                change.modified(),
                now);
        em.flush();
        return "product " + change.productId() + " saved ("
                + change.categories().size() + " categories)";
    }

    /** Locking read first; INSERT IGNORE only for a new product (like orders). */
    private Product locked(long productId, Instant now) {
        Product existing = em.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        em.createNativeQuery("INSERT IGNORE INTO product (product_id, name, updated_at) VALUES (?1, '', ?2)")
                .setParameter(1, productId)
                .setParameter(2, now)
                .executeUpdate();
        return em.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Optional<Long> number(JsonValue value) {
        try {
            if (value instanceof JsonNumber number) {
                return Optional.of(number.bigDecimalValue().longValueExact());
            }
            if (value instanceof JsonString text) {
                return Optional.of(new BigDecimal(text.getString().trim()).longValueExact());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString().trim() : "";
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Optional<Instant> utc(String text) {
        try {
            return text.isEmpty()
                    ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
