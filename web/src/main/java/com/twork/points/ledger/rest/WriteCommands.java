package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.EarnCommand;
import com.twork.points.ledger.boundary.RedeemCommand;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.ClientDateTime;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.JsonBody.Field;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the write routes' bodies into commands. Field problems are not thrown here: they travel in the command
 * and the service reports the first one after authentication and the member check (SPEC §3.0 order).
 */
final class WriteCommands {
    static final long MAX_USER_ID = 999_999_999_999_999_999L;
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_ORDER_ID = 191;
    private static final String INVALID_PARAMS = "invalid_params";

    private WriteCommands() {}

    static long userId(JsonBody body, String name) {
        return body.wholeNumber(name, 1, MAX_USER_ID).value().orElse(0L);
    }

    static EarnCommand earn(JsonBody body) {
        Field<Long> points = body.wholeNumber("points", 1, Integer.MAX_VALUE);
        Field<String> typeText = body.text("type", 32);
        Optional<TransactionType> type = typeText.isAbsent()
                ? Optional.of(TransactionType.EARN)
                : typeText.value().map(String::trim).flatMap(TransactionType::fromWire);
        Field<String> description = body.text("description", MAX_DESCRIPTION);
        Field<String> orderId = body.text("order_id", MAX_ORDER_ID);
        Field<ClientDateTime> expiresAt = body.dateTime("expires_at");
        Field<Long> referred = body.wholeNumber("referred_user_id", 1, MAX_USER_ID);

        InvalidInputException problem = null;
        if (points.value().isEmpty()) {
            problem = new InvalidInputException(INVALID_PARAMS, "Invalid user_id or points");
        } else if (type.isEmpty() || type.get() == TransactionType.REDEEM) {
            problem = new InvalidInputException(
                    "invalid_type",
                    "Invalid transaction type. Use earn, referral, birthday, refund or adjust (redeem via /redeem).");
        } else if (expiresAt.isInvalid()) {
            problem = new InvalidInputException("invalid_date", "Invalid expires_at: use an ISO-8601 date-time.");
        } else if (description.isInvalid() || orderId.isInvalid() || referred.isInvalid()) {
            problem = new InvalidInputException(INVALID_PARAMS, invalidFields(description, orderId, referred));
        }
        return new EarnCommand(
                userId(body, "user_id"),
                type.orElse(TransactionType.EARN),
                points.value().map(Long::intValue).orElse(0),
                description.value(),
                orderId.value().filter(id -> !id.isBlank()),
                expiresAt.value(),
                referred.value(),
                Optional.ofNullable(problem));
    }

    static RedeemCommand redeem(JsonBody body) {
        Field<Long> points = body.wholeNumber("points", 1, Integer.MAX_VALUE);
        Field<String> description = body.text("description", MAX_DESCRIPTION);
        Field<String> orderId = body.text("order_id", MAX_ORDER_ID);
        Field<BigDecimal> orderTotal = body.amount("order_total");

        InvalidInputException problem = null;
        if (points.value().isEmpty()) {
            problem = new InvalidInputException(INVALID_PARAMS, "Invalid user_id or points");
        } else if (description.isInvalid() || orderId.isInvalid() || orderTotal.isInvalid()) {
            problem = new InvalidInputException(INVALID_PARAMS, invalidFields(description, orderId, orderTotal));
        }
        return new RedeemCommand(
                userId(body, "user_id"),
                points.value().map(Long::intValue).orElse(0),
                description.value().filter(text -> !text.isBlank()).orElse(RedeemCommand.DEFAULT_DESCRIPTION),
                orderId.value().filter(id -> !id.isBlank()),
                orderTotal.value(),
                Optional.ofNullable(problem));
    }

    private static String invalidFields(Field<?> description, Field<?> orderId, Field<?> third) {
        StringBuilder message = new StringBuilder("Invalid parameter(s):");
        if (description.isInvalid()) {
            message.append(" description (text up to ").append(MAX_DESCRIPTION).append(" characters)");
        }
        if (orderId.isInvalid()) {
            message.append(" order_id (text or whole number up to ")
                    .append(MAX_ORDER_ID)
                    .append(" characters)");
        }
        if (third.isInvalid()) {
            message.append(" a malformed number");
        }
        return message.toString();
    }
}
