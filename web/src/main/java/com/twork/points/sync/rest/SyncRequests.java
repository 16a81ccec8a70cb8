package com.twork.points.sync.rest;

import com.twork.points.ledger.boundary.EarnCommand;
import com.twork.points.ledger.boundary.RedeemCommand;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.ClientDateTime;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.JsonBody.Field;
import com.twork.points.sync.boundary.SyncBatch;
import com.twork.points.sync.boundary.SyncItem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code /sync} body. Each item is validated like {@code /earn} or {@code /redeem} by its type; its own
 * {@code user_id}, {@code created_at} and {@code is_expired} are ignored (the member is the batch's, times are
 * the server's, expiry is decided by the server).
 */
final class SyncRequests {
    static final long MAX_USER_ID = 999_999_999_999_999_999L;
    static final int MAX_ID = 191;
    private static final String INVALID_PARAMS = "invalid_params";

    private SyncRequests() {}

    static SyncBatch batch(JsonBody body, JsonObject raw) {
        long userId = body.wholeNumber("user_id", 1, MAX_USER_ID).value().orElse(0L);
        JsonValue items = raw.get("transactions");
        if (items == null || items.getValueType() != JsonValue.ValueType.ARRAY) {
            return new SyncBatch(
                    userId,
                    List.of(),
                    Optional.of(new InvalidInputException(INVALID_PARAMS, "transactions must be an array")));
        }
        List<SyncItem> parsed = new ArrayList<>();
        int index = 0;
        for (JsonValue item : items.asJsonArray()) {
            parsed.add(item(index++, userId, item));
        }
        return new SyncBatch(userId, parsed, Optional.empty());
    }

    private static SyncItem item(int index, long userId, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return SyncItem.rejected(
                    index, Optional.empty(), new InvalidInputException(INVALID_PARAMS, "An item must be an object"));
        }
        JsonBody item = JsonBody.of(value.asJsonObject());
        Optional<String> id = item.text("id", MAX_ID).value().map(String::trim).filter(text -> !text.isEmpty());
        if (id.isEmpty()) {
            return SyncItem.rejected(index, id, new InvalidInputException(INVALID_PARAMS, "Missing or invalid id"));
        }
        Field<String> typeText = item.text("type", 32);
        Optional<TransactionType> type = typeText.value().map(String::trim).flatMap(TransactionType::fromWire);
        if (type.isEmpty()) {
            return SyncItem.rejected(index, id, new InvalidInputException("invalid_type", "Invalid transaction type"));
        }
        if (type.get() == TransactionType.EXPIRE) {
            return SyncItem.ignored(index, id);
        }
        Field<Long> points = item.wholeNumber("points", 1, Integer.MAX_VALUE);
        Field<String> description = item.text("description", 1_000);
        Field<String> orderId = item.text("order_id", 191);
        Field<ClientDateTime> expiresAt = item.dateTime("expires_at");
        if (points.value().isEmpty()) {
            return SyncItem.rejected(index, id, new InvalidInputException(INVALID_PARAMS, "Invalid user_id or points"));
        }
        if (description.isInvalid() || orderId.isInvalid()) {
            return SyncItem.rejected(
                    index, id, new InvalidInputException(INVALID_PARAMS, "Invalid description or order_id"));
        }
        int amount = points.value().get().intValue();
        Optional<String> order = orderId.value().filter(text -> !text.isBlank());
        if (type.get() == TransactionType.REDEEM) {
            RedeemCommand redeem = new RedeemCommand(
                    userId,
                    amount,
                    description.value().filter(text -> !text.isBlank()).orElse(RedeemCommand.DEFAULT_DESCRIPTION),
                    order,
                    Optional.empty(),
                    Optional.empty());
            return new SyncItem(index, id, Optional.empty(), Optional.of(redeem), false, Optional.empty());
        }
        if (expiresAt.isInvalid()) {
            return SyncItem.rejected(index, id, new InvalidInputException("invalid_date", "Invalid expires_at"));
        }
        EarnCommand earn = new EarnCommand(
                userId,
                type.get(),
                amount,
                description.value(),
                order,
                expiresAt.value(),
                Optional.empty(),
                Optional.empty());
        return new SyncItem(index, id, Optional.of(earn), Optional.empty(), false, Optional.empty());
    }
}
