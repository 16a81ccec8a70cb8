package com.twork.points.ledger.rest;

import com.twork.points.rule.rest.BreakdownEntryBody;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * One history row exactly as the app parses it: ids as strings, {@code points} a JSON number and
 * {@code is_expired} a JSON boolean (the app drops the whole list otherwise). {@code status} and
 * {@code voided_by} come after the plugin's keys (the app ignores keys it does not know): {@code available},
 * {@code pending}, {@code void}, or {@code voided} for a row a staff void undid, with the id of the voiding row.
 */
public record TransactionRow(
        String id,
        String userId,
        String type,
        int points,
        String description,
        String orderId,
        String createdAt,
        String expiresAt,
        boolean isExpired,
        String status,
        String voidedBy,
        @JsonbNillable(false) List<BreakdownEntryBody> breakdown) {
    /** The status of a row that a void undid. */
    public static final String VOIDED = "voided";

    /** The same row with its award's breakdown (issue 23): an extra key the app ignores, only on order awards. */
    public TransactionRow explained(List<BreakdownEntryBody> entries) {
        return new TransactionRow(
                id,
                userId,
                type,
                points,
                description,
                orderId,
                createdAt,
                expiresAt,
                isExpired,
                status,
                voidedBy,
                entries);
    }
}
