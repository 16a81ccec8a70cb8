package com.twork.points.ledger.boundary;

import com.twork.points.ledger.control.BalanceSnapshot;
import com.twork.points.ledger.control.HistoryFilter;
import com.twork.points.ledger.control.LedgerQueries;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.control.ActiveMembers;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.control.SettingsCache;
import com.twork.points.tier.control.TierStandings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads of a member's points. Reads never write [fix: the plugin's balance GET expired points]: a lot whose
 * expiry time has passed is simply not counted until a write or the expiry job expires it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PointsQueryService {
    static final Duration EXPIRING_SOON = Duration.ofDays(30);

    @Inject
    ActiveMembers members;

    @Inject
    LedgerQueries ledger;

    @Inject
    TierStandings tiers;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.OWN_MEMBER)
    public BalanceView balance(long userId) {
        return balance(userId, true);
    }

    /**
     * The balance as staff see it on the console: also for an inactive (blocked) member, whose points the API
     * refuses to show or move.
     */
    @RequiresPermission(value = Permission.READ, keys = false)
    public BalanceView staffBalance(long userId) {
        return balance(userId, false);
    }

    private BalanceView balance(long userId, boolean activeOnly) {
        Instant now = clock.now();
        LedgerQueries.MemberBalance found =
                ledger.memberBalance(userId, now, now.plus(EXPIRING_SOON)).orElseThrow(MemberNotFoundException::new);
        if (activeOnly && !found.active()) {
            throw MemberInactiveException.of(found.status());
        }
        BalanceSnapshot snapshot =
                found.snapshot().orElse(new BalanceSnapshot(0, 0, 0, 0, 0, found.memberCreatedAt(), 0, 0));
        return new BalanceView(
                userId,
                snapshot.shownBalance(),
                snapshot.lifetimeEarned(),
                snapshot.lifetimeRedeemed(),
                snapshot.lifetimeExpired(),
                snapshot.pending(),
                snapshot.expiringSoon(),
                snapshot.updatedAt(),
                tiers.of(userId, snapshot.lifetimeEarned(), now),
                settings.current().siteZone());
    }

    /** Available lots with points left that expire within 30 days, soonest first. */
    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.OWN_MEMBER)
    public ExpiringLots expiring(long userId) {
        members.get(userId);
        Instant now = clock.now();
        return new ExpiringLots(
                ledger.expiringLots(userId, now, now.plus(EXPIRING_SOON)),
                now,
                settings.current().siteZone());
    }

    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.OWN_MEMBER)
    public HistoryPage history(long userId, HistoryFilter filter, int page, int perPage) {
        members.get(userId);
        ZoneId zone = settings.current().siteZone();
        long total = ledger.countHistory(userId, filter, zone);
        long offset = (long) (page - 1) * perPage;
        List<PointTransaction> rows =
                offset >= total ? List.of() : ledger.history(userId, filter, zone, (int) offset, perPage);
        return new HistoryPage(rows, total, page, perPage, clock.now(), zone, ledger.voidedBy(userId, rows));
    }
}
