package com.twork.points.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the API's JSON strictly (a missing key or a wrong type is a protocol failure, never a silent default) and
 * maps it to the result records: the one place that knows the wire's key names and types.
 */
final class Wire {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final DateTimeFormatter SITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private Wire() {}

    /** The answer did not have the shape the API promises. */
    static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new FormatException("empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new FormatException("not JSON: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    // ---- results

    static Balance balance(JsonNode body) {
        return new Balance(
                integer(body, "user_id"),
                integer(body, "current_balance"),
                integer(body, "lifetime_earned"),
                integer(body, "lifetime_redeemed"),
                integer(body, "lifetime_expired"),
                siteTime(body, "last_updated"),
                integer(body, "pending_points"),
                integer(body, "expiring_soon"),
                tier(field(body, "tier")));
    }

    private static Tier tier(JsonNode tier) {
        return new Tier(
                text(tier, "key"),
                text(tier, "label"),
                decimal(tier, "multiplier"),
                optionalText(tier, "next_key"),
                optionalInteger(tier, "points_to_next"));
    }

    static TransactionPage transactions(JsonNode body) {
        List<Transaction> rows = new ArrayList<>();
        for (JsonNode row : array(body, "transactions")) {
            rows.add(transaction(row));
        }
        return new TransactionPage(
                rows,
                integer(body, "total"),
                int32(body, "page"),
                int32(body, "per_page"),
                integer(body, "total_pages"));
    }

    static Transaction transaction(JsonNode row) {
        String type = text(row, "type");
        return new Transaction(
                id(row, "id"),
                id(row, "user_id"),
                PointType.fromWire(type).orElseThrow(() -> new FormatException("unknown type " + type)),
                int32(row, "points"),
                optionalText(row, "description"),
                optionalText(row, "order_id"),
                siteTime(row, "created_at"),
                optionalSiteTime(row, "expires_at"),
                bool(row, "is_expired"));
    }

    static ExpiringLots expiring(JsonNode body) {
        List<ExpiringLot> lots = new ArrayList<>();
        for (JsonNode row : array(body, "transactions")) {
            lots.add(new ExpiringLot(transaction(row), int32(row, "remaining")));
        }
        return new ExpiringLots(lots, int32(body, "count"));
    }

    static WriteResult written(JsonNode body) {
        requireSuccess(body);
        return new WriteResult(integer(body, "transaction_id"), integer(body, "new_balance"));
    }

    static BonusResult bonus(JsonNode body) {
        requireSuccess(body);
        return new BonusResult(
                integer(body, "transaction_id"), integer(body, "new_balance"), integer(body, "points_awarded"));
    }

    static CheckExpiredResult checkExpired(JsonNode body) {
        return new CheckExpiredResult(
                bool(body, "success"),
                int32(body, "expired_count"),
                body.has("expired_points") ? integer(body, "expired_points") : 0,
                body.has("new_balance") ? OptionalLong.of(integer(body, "new_balance")) : OptionalLong.empty(),
                text(body, "message"));
    }

    static SyncResult sync(JsonNode body) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : array(body, "errors")) {
            if (!error.isTextual()) {
                throw new FormatException("errors must hold strings");
            }
            errors.add(error.asText());
        }
        List<SyncItemResult> results = new ArrayList<>();
        for (JsonNode result : array(body, "results")) {
            String status = text(result, "status");
            results.add(new SyncItemResult(
                    int32(result, "index"),
                    optionalText(result, "id"),
                    SyncStatus.fromWire(status).orElseThrow(() -> new FormatException("unknown status " + status)),
                    optionalInteger(result, "transaction_id"),
                    optionalText(result, "code"),
                    optionalText(result, "message")));
        }
        return new SyncResult(
                bool(body, "success"),
                integer(body, "synced"),
                int32(body, "total"),
                errors,
                integer(body, "new_balance"),
                results);
    }

    static Member member(JsonNode body) {
        String status = text(body, "status");
        Optional<LocalDate> birthday;
        try {
            birthday = optionalText(body, "birthday").map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new FormatException("birthday is not a date");
        }
        return new Member(
                integer(body, "user_id"),
                optionalText(body, "email"),
                optionalText(body, "display_name"),
                switch (status) {
                    case "active" -> MemberStatus.ACTIVE;
                    case "inactive" -> MemberStatus.INACTIVE;
                    default -> throw new FormatException("unknown member status " + status);
                },
                birthday,
                siteTime(body, "created_at"));
    }

    static Login login(JsonNode body) {
        List<String> roles = new ArrayList<>();
        for (JsonNode role : array(body, "roles")) {
            roles.add(role.asText());
        }
        return new Login(optionalInteger(body, "user_id"), integer(body, "account_id"), text(body, "login"), roles);
    }

    /** The envelope's {@code data} as plain Java values, for {@link PointsApiException#data()}. */
    static Map<String, Object> plain(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            Object value = plainValue(entry.getValue());
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isObject()) {
            return Map.copyOf(plain(node));
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> {
                Object value = plainValue(item);
                if (value != null) {
                    items.add(value);
                }
            });
            return List.copyOf(items);
        }
        return null;
    }

    // ---- fields

    private static void requireSuccess(JsonNode body) {
        if (!bool(body, "success")) {
            throw new FormatException("a 200 answer without success: true");
        }
    }

    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            throw new FormatException("expected a JSON object around " + name);
        }
        JsonNode value = object.get(name);
        if (value == null) {
            throw new FormatException("missing " + name);
        }
        return value;
    }

    static long integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FormatException(name + " is not a whole number");
        }
        return value.longValue();
    }

    static int int32(JsonNode object, String name) {
        long value = integer(object, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new FormatException(name + " is out of range");
        }
        return (int) value;
    }

    static OptionalLong optionalInteger(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? OptionalLong.empty() : OptionalLong.of(integer(object, name));
    }

    /** Row ids travel as strings of digits (the app's contract); numbers are accepted too. */
    static long id(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.textValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.textValue());
        }
        throw new FormatException(name + " is not an id");
    }

    static BigDecimal decimal(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isNumber()) {
            throw new FormatException(name + " is not a number");
        }
        return value.decimalValue();
    }

    static boolean bool(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isBoolean()) {
            throw new FormatException(name + " is not a boolean");
        }
        return value.booleanValue();
    }

    static String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isTextual()) {
            throw new FormatException(name + " is not a string");
        }
        return value.textValue();
    }

    static Optional<String> optionalText(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(object, name));
    }

    static List<JsonNode> array(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isArray()) {
            throw new FormatException(name + " is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    static LocalDateTime siteTime(JsonNode object, String name) {
        try {
            return LocalDateTime.parse(text(object, name), SITE_TIME);
        } catch (DateTimeParseException e) {
            throw new FormatException(name + " is not YYYY-MM-DD HH:MM:SS");
        }
    }

    static Optional<LocalDateTime> optionalSiteTime(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(siteTime(object, name));
    }
}
