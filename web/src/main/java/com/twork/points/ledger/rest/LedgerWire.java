package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.BalanceView;
import com.twork.points.ledger.boundary.HistoryPage;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.platform.control.SiteTime;
import com.twork.points.tier.control.TierStanding;
import java.time.Instant;
import java.time.ZoneId;

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
                        .map(row -> row(row, page.readAt(), page.siteZone()))
                        .toList(),
                page.total(),
                page.page(),
                page.perPage(),
                page.totalPages());
    }

    static TransactionRow row(PointTransaction row, Instant now, ZoneId zone) {
        return new TransactionRow(
                String.valueOf(row.id()),
                String.valueOf(row.userId()),
                row.type().wire(),
                row.points(),
                row.description().orElse(null),
                row.orderId().orElse(null),
                SiteTime.format(row.createdAt(), zone),
                row.expiresAt().map(at -> SiteTime.format(at, zone)).orElse(null),
                row.isExpiredAt(now));
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
