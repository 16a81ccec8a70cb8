package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.BalanceView;
import com.twork.points.ledger.boundary.ExpiringLots;
import com.twork.points.ledger.boundary.ExpiryResult;
import com.twork.points.ledger.boundary.HistoryPage;
import com.twork.points.ledger.boundary.WriteResult;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.platform.control.SiteTime;
import com.twork.points.tier.control.TierStanding;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Maps ledger views to wire records: the one place that decides how the ledger looks to the app. */
final class LedgerWire {
    private LedgerWire() {}

    static BalanceBody balance(BalanceView view) {
        return new BalanceBody(
                view.userId(),
                view.currentBalance(),
                view.lifetimeEarned(),
                view.lifetimeRedeemed(),
                view.lifetimeExpired(),
                SiteTime.format(view.lastUpdated(), view.siteZone()),
                view.pendingPoints(),
                view.expiringSoon(),
                tier(view.tier()));
    }

    static TransactionListBody history(HistoryPage page) {
        return new TransactionListBody(
                page.rows().stream()
                        .map(row -> row(row, page.readAt(), page.siteZone(), page.voidedBy(row)))
                        .toList(),
                page.total(),
                page.page(),
                page.perPage(),
                page.totalPages());
    }

    static TransactionRow row(PointTransaction row, Instant now, ZoneId zone) {
        return row(row, now, zone, Optional.empty());
    }

    static TransactionRow row(PointTransaction row, Instant now, ZoneId zone, Optional<Long> voidedBy) {
        return new TransactionRow(
                String.valueOf(row.id()),
                String.valueOf(row.userId()),
                row.type().wire(),
                row.points(),
                row.description().orElse(null),
                row.orderId().orElse(null),
                SiteTime.format(row.createdAt(), zone),
                row.expiresAt().map(at -> SiteTime.format(at, zone)).orElse(null),
                row.isExpiredAt(now),
                voidedBy.isPresent() ? TransactionRow.VOIDED : row.status().wire(),
                voidedBy.map(String::valueOf).orElse(null),
                null);
    }

    static WriteBody written(WriteResult result) {
        return new WriteBody(true, result.transactionId(), result.newBalance());
    }

    static BonusBody bonus(WriteResult result) {
        return new BonusBody(true, result.transactionId(), result.newBalance(), result.pointsAwarded());
    }

    static CheckExpiredBody expired(ExpiryResult result) {
        String message = result.expiredCount() == 0
                ? "No expired points found"
                : "Expired " + result.expiredPoints() + " points from " + result.expiredCount() + " transaction(s)";
        return new CheckExpiredBody(true, result.expiredCount(), result.expiredPoints(), result.newBalance(), message);
    }

    static ExpiringBody expiring(ExpiringLots lots) {
        List<ExpiringRow> rows = lots.lots().stream()
                .map(lot -> {
                    TransactionRow row = row(lot, lots.readAt(), lots.siteZone());
                    return new ExpiringRow(
                            row.id(),
                            row.userId(),
                            row.type(),
                            row.points(),
                            row.description(),
                            row.orderId(),
                            row.createdAt(),
                            row.expiresAt(),
                            row.isExpired(),
                            lot.remaining());
                })
                .toList();
        return new ExpiringBody(rows, rows.size());
    }

    private static TierBody tier(TierStanding standing) {
        return new TierBody(
                standing.key(),
                standing.label(),
                standing.multiplier().doubleValue(),
                standing.nextKey().orElse(null),
                standing.pointsToNext().orElse(null));
    }
}
