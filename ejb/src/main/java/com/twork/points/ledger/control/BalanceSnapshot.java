package com.twork.points.ledger.control;

import java.time.Instant;

/** A member's account totals and open-lot sums as one statement saw them. */
public record BalanceSnapshot(
        long balance,
        long lifetimeEarned,
        long lifetimeRedeemed,
        long lifetimeExpired,
        long pending,
        Instant updatedAt,
        long overdue,
        long expiringSoon) {

    /** What the member can spend: lots past their expiry time are not counted even before they are expired. */
    public long shownBalance() {
        return Math.max(0, balance - overdue);
    }
}
