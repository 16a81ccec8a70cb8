package com.twork.points.launcher.tools.legacy;

import static com.twork.points.ledger.entity.TransactionStatus.AVAILABLE;
import static com.twork.points.ledger.entity.TransactionStatus.VOID;

import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Instant;

/** One legacy row on its way to becoming ours. */
final class DraftRow {
    final LegacyTransaction legacy;
    TransactionType type;
    int points;
    TransactionStatus status = AVAILABLE;
    int remaining;
    int uncollectable;
    String clientOrderKey;
    String bonusKey;
    /** The award this negative adjustment reverses. */
    DraftRow reverses;
    /** The redemption this refund gives back. */
    DraftRow refundOf;
    /** Of this lot: points taken by expiry, and points reversals took back or found already spent. */
    int expiredFrom;

    int reversedFrom;

    DraftRow(LegacyTransaction legacy) {
        this.legacy = legacy;
    }

    long id() {
        return legacy.id();
    }

    long userId() {
        return legacy.userId();
    }

    String orderKey() {
        return OrderKeys.normalise(legacy.orderId());
    }

    boolean isCredit() {
        return type.balanceDelta(points) > 0;
    }

    Instant lotExpiry() {
        return legacy.expiresAt() == null ? Instant.MAX : legacy.expiresAt();
    }

    boolean dueAt(Instant at) {
        return legacy.expiresAt() != null && !legacy.expiresAt().isAfter(at);
    }

    void makeVoid() {
        status = VOID;
        remaining = 0;
    }

    RebuiltLedger.Row row() {
        return new RebuiltLedger.Row(
                id(),
                userId(),
                type,
                points,
                legacy.description(),
                legacy.orderId(),
                legacy.createdAt(),
                isCredit() ? legacy.expiresAt() : null,
                status == VOID ? 0 : remaining,
                status,
                uncollectable,
                clientOrderKey,
                bonusKey,
                reverses == null ? null : reverses.id());
    }
}
