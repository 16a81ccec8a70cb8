package com.twork.points.order.control;

import com.twork.points.rule.control.LineItem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of a WooCommerce order payload the points rules need. */
public record OrderEvent(
        String orderId,
        long customerId,
        String status,
        BigDecimal total,
        BigDecimal totalTax,
        BigDecimal shippingTotal,
        List<Refund> refunds,
        Optional<Instant> dateModified,
        String payload,
        List<LineItem> lines) {

    /**
     * One entry of {@code refunds[]}: WooCommerce sends the total as a negative amount. {@code lines} are the order
     * lines it refunds with their refunded amounts, when the shop sends them (a refund's own {@code line_items}, each
     * naming the order line in {@code refunded_item_id}); without them the refund is shared over the whole award.
     */
    public record Refund(long id, BigDecimal amount, Map<String, BigDecimal> lines) {}

    /** What counts for points: the order total without tax and shipping. */
    public BigDecimal eligibleTotal() {
        return total.subtract(totalTax).subtract(shippingTotal).max(BigDecimal.ZERO);
    }

    /** Reads an order; throws IllegalArgumentException naming the field when it is not an order at all. */
    public static OrderEvent of(JsonObject order, String payload) {
        String id = text(order, "id").orElseThrow(() -> new IllegalArgumentException("order without id"));
        List<Refund> refunds = new ArrayList<>();
        JsonValue list = order.get("refunds");
        if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : list.asJsonArray()) {
                JsonObject refund = value.asJsonObject();
                refunds.add(new Refund(
                        Long.parseLong(text(refund, "id").orElseThrow(() -> new IllegalArgumentException("refund id"))),
                        amount(refund, "total").abs(),
                        refundedLines(refund)));
            }
        }
        return new OrderEvent(
                id,
                text(order, "customer_id").map(Long::parseLong).orElse(0L),
                text(order, "status").orElse("unknown"),
                amount(order, "total"),
                amount(order, "total_tax"),
                amount(order, "shipping_total"),
                refunds,
                text(order, "date_modified_gmt").flatMap(OrderEvent::utc),
                payload,
                lines(order));
    }

    /** {@code line_items[]}: lines without a product id (or with an unreadable one) are left to the remainder. */
    private static List<LineItem> lines(JsonObject order) {
        List<LineItem> lines = new ArrayList<>();
        for (JsonObject line : objects(order, "line_items")) {
            Optional<String> key = text(line, "id");
            Optional<Long> product = text(line, "product_id").flatMap(OrderEvent::number);
            if (key.isEmpty() || product.isEmpty() || product.get() <= 0) {
                continue;
            }
            lines.add(new LineItem(
                    key.get(),
                    product.get(),
                    text(line, "sku").orElse(""),
                    text(line, "quantity")
                            .flatMap(OrderEvent::number)
                            .map(Long::intValue)
                            .orElse(1),
                    amount(line, "total").max(BigDecimal.ZERO)));
        }
        return lines;
    }

    private static Map<String, BigDecimal> refundedLines(JsonObject refund) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        for (JsonObject line : objects(refund, "line_items")) {
            text(line, "refunded_item_id")
                    .ifPresent(item -> lines.merge(item, amount(line, "total").abs(), BigDecimal::add));
        }
        return lines;
    }

    private static List<JsonObject> objects(JsonObject object, String name) {
        JsonValue list = object.get(name);
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return list.asJsonArray().stream()
                .filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(new BigDecimal(text).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString().trim());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.bigDecimalValue().toPlainString());
        }
        return Optional.empty();
    }

    private static BigDecimal amount(JsonObject object, String name) {
        return text(object, name)
                .filter(text -> !text.isEmpty())
                .map(BigDecimal::new)
                .orElse(BigDecimal.ZERO);
    }

    /** WooCommerce's {@code date_modified_gmt} is UTC without an offset. */
    private static Optional<Instant> utc(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
