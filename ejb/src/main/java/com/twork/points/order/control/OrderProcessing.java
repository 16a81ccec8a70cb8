package com.twork.points.order.control;

import com.twork.points.ledger.control.AccountLedger;
import com.twork.points.ledger.control.LotExpiry;
import com.twork.points.ledger.control.SignupBonus;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.order.entity.ShopOrder;
import com.twork.points.order.entity.ShopOrderRefund;
import com.twork.points.platform.control.AppClock;
import com.twork.points.rule.control.AwardBreakdown;
import com.twork.points.rule.control.OrderAwards;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import com.twork.points.tier.control.TierStanding;
import com.twork.points.tier.control.TierStandings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one WooCommerce order event (SPEC §6.4) as one transaction, under the member's account lock and then
 * the order's row lock: award on the configured status (floor(eligible total × points_rate × tier multiplier)),
 * take the award back on cancellation or refund and give back points redeemed on the order, reverse each
 * partial refund once, award again once when a cancelled order is completed again. App claims for the order
 * are superseded by the award and voided by a cancellation. Events older than the last one applied are ignored.
 */
@ApplicationScoped
public class OrderProcessing {
    static final Set<String> CANCELLED = Set.of("cancelled", "refunded", "trash");

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLedger accounts;

    @Inject
    MemberRepository members;

    @Inject
    SignupBonus signupBonus;

    @Inject
    TierStandings tiers;

    @Inject
    SettingsCache settingsCache;

    @Inject
    AppClock clock;

    @Inject
    OrderAwards awards;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OrderOutcome apply(OrderEvent event, boolean deleted) {
        Settings settings = settingsCache.current();
        Instant now = clock.now();
        String orderId =
                Optional.ofNullable(OrderKeys.normalise(event.orderId())).orElse(event.orderId());
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.WEBHOOK, "webhook", now);
        Long member = null;
        PointAccount account = null;
        if (event.customerId() > 0) {
            member = event.customerId();
            if (members.createIfMissing(member, now)) {
                signupBonus.grant(member, settings, origin);
            }
            account = accounts.lock(member, now);
            if (members.find(member).filter(Member::isErased).isPresent()) {
                return OrderOutcome.erased(member);
            }
        }
        ShopOrder order = lockOrder(orderId, event, now);
        if (order.isNewerThan(event.dateModified())) {
            return OrderOutcome.stale("order " + orderId + " already at a newer state");
        }
        order.seen(
                member,
                event.status(),
                event.total(),
                event.eligibleTotal(),
                event.dateModified(),
                event.payload(),
                now);
        if (account == null) {
            return OrderOutcome.applied("guest order " + orderId + ": nothing to award");
        }
        accounts.expireDue(account, origin);
        String status = deleted ? "trash" : event.status();
        StringBuilder done = new StringBuilder("order " + orderId + " " + status + ":");
        if (awardsOn(status, settings) && order.awarded() == 0) {
            award(account, order, event, settings, origin, done);
        }
        if (CANCELLED.contains(status)) {
            voidClaims(account, orderId, done);
            // Redeemed points come back first, so the award can be taken back from them too.
            refundRedeemed(account, order, settings, origin, done);
            takeBackAward(account, order, origin, done);
        } else {
            reversePartialRefunds(account, order, event, origin, done);
        }
        em.flush();
        return OrderOutcome.applied(done.toString());
    }

    private static boolean awardsOn(String status, Settings settings) {
        return "completed".equals(status)
                || ("processing".equals(settings.raw(SettingKey.AWARD_ON_STATUS)) && "processing".equals(status));
    }

    private void award(
            PointAccount account,
            ShopOrder order,
            OrderEvent event,
            Settings settings,
            PointTransaction.Origin origin,
            StringBuilder done) {
        TierStanding tier = tiers.of(account.userId(), account.lifetimeEarned(), origin.at());
        // Without active rules this is floor(eligible total × points_rate × tier multiplier), as in SPEC §6.4.
        OrderAwards.Terms terms = new OrderAwards.Terms(
                tier.key(),
                tier.multiplier(),
                settings.decimal(SettingKey.POINTS_RATE),
                settings.siteZone(),
                origin.at());
        AwardBreakdown breakdown = awards.calculate(account.userId(), event.lines(), event.eligibleTotal(), terms);
        long points = breakdown.total();
        voidClaims(account, order.orderId(), done);
        if (points <= 0) {
            done.append(" nothing to award;");
            return;
        }
        int pendingDays = settings.integer(SettingKey.PENDING_DAYS);
        Instant usableFrom = origin.at().plus(Duration.ofDays(pendingDays));
        PointTransaction lot = PointTransaction.credit(
                account.userId(),
                TransactionType.EARN,
                Math.toIntExact(points),
                "Points for order #" + order.orderId(),
                order.orderId(),
                LotExpiry.of(Optional.empty(), usableFrom, settings),
                pendingDays > 0 ? TransactionStatus.PENDING : TransactionStatus.AVAILABLE,
                origin);
        if (pendingDays > 0) {
            lot.heldUntil(usableFrom);
        }
        accounts.credit(account, lot);
        order.awarded(lot.points(), lot.id());
        awards.record(
                breakdown, event.lines(), event.eligibleTotal(), lot.id(), order.orderId(), account.userId(), terms);
        done.append(" awarded ")
                .append(points)
                .append(" (tier ")
                .append(tier.key())
                .append(");");
    }

    /** App claims for this order (§3.3) never become spendable: the award or the cancellation voids them. */
    private void voidClaims(PointAccount account, String orderId, StringBuilder done) {
        for (PointTransaction claim : rows(account.userId(), orderId, TransactionType.EARN)) {
            if (claim.status() == TransactionStatus.PENDING && claim.source() != TransactionSource.WEBHOOK) {
                claim.voidPending();
                account.dropPending(claim.points(), clock.now());
                done.append(" claim ").append(claim.id()).append(" void;");
            }
        }
    }

    private void takeBackAward(
            PointAccount account, ShopOrder order, PointTransaction.Origin origin, StringBuilder done) {
        if (order.awarded() == 0 || order.awardTransactionId().isEmpty()) {
            return;
        }
        PointTransaction award = lockedAward(account, order);
        if (award.status() == TransactionStatus.PENDING) {
            award.voidPending();
            account.dropPending(award.points(), origin.at());
            order.awardReversed(0);
            awards.reversedAll(award.id());
            done.append(" pending award void;");
            return;
        }
        Optional<AccountLedger.Reversal> reversal = accounts.reverse(
                account, award, Long.MAX_VALUE, "Order #" + order.orderId() + " " + order.status(), origin);
        int taken = reversal.map(done1 -> (int) done1.taken()).orElse(0);
        order.awardReversed(taken);
        awards.reversedAll(award.id());
        done.append(" award taken back ").append(taken);
        reversal.filter(r -> r.uncollectable() > 0)
                .ifPresent(r -> done.append(" (").append(r.uncollectable()).append(" already spent)"));
        done.append(';');
    }

    private void refundRedeemed(
            PointAccount account,
            ShopOrder order,
            Settings settings,
            PointTransaction.Origin origin,
            StringBuilder done) {
        Instant newLotExpiry = LotExpiry.of(Optional.empty(), origin.at(), settings);
        for (PointTransaction redemption : rows(account.userId(), order.orderId(), TransactionType.REDEEM)) {
            String key = "refund:" + redemption.id();
            if (redemption.status() != TransactionStatus.AVAILABLE
                    || accounts.findByBonusKey(account.userId(), key).isPresent()) {
                continue;
            }
            accounts.refundRedemption(account, redemption, key, newLotExpiry, origin)
                    .ifPresent(refund -> {
                        order.redeemedRefunded(refund.points());
                        done.append(" redeemed ").append(refund.points()).append(" refunded;");
                    });
        }
    }

    /**
     * Each WooCommerce refund id reverses round(award × refund / total) once, cumulatively at most the award. A
     * held (pending) award is replaced by a smaller held award instead.
     */
    private void reversePartialRefunds(
            PointAccount account,
            ShopOrder order,
            OrderEvent event,
            PointTransaction.Origin origin,
            StringBuilder done) {
        if (order.awarded() == 0
                || order.awardTransactionId().isEmpty()
                || event.total().signum() <= 0) {
            return;
        }
        PointTransaction award = lockedAward(account, order);
        for (OrderEvent.Refund refund : event.refunds()) {
            if (em.find(ShopOrderRefund.class, refund.id()) != null) {
                continue;
            }
            // By line when the refund names its lines (what each earned then, docs/rules.md), else by share.
            long share = refund.lines().isEmpty()
                    ? BigDecimal.valueOf(order.awarded())
                            .multiply(refund.amount())
                            .divide(event.total(), 0, RoundingMode.HALF_UP)
                            .longValue()
                    : awards.reverseLines(award.id(), refund.lines(), lineTotals(event));
            int taken = 0;
            if (award.status() == TransactionStatus.PENDING) {
                long left = Math.max(0, award.points() - share);
                taken = (int) (award.points() - left);
                award = replacePendingAward(account, order, award, left, origin);
            } else if (award.status() == TransactionStatus.AVAILABLE) {
                long room = Math.max(0, award.points() - accounts.reversedFrom(award.id()));
                long points = Math.min(share, room);
                if (points > 0) {
                    taken = accounts.reverse(
                                    account,
                                    award,
                                    points,
                                    "Refund " + refund.id() + " of order #" + order.orderId(),
                                    origin)
                            .map(reversal -> (int) reversal.taken())
                            .orElse(0);
                }
            }
            order.partlyReversed(taken);
            em.persist(new ShopOrderRefund(refund.id(), order.orderId(), refund.amount(), taken, origin.at()));
            done.append(" refund ")
                    .append(refund.id())
                    .append(" took back ")
                    .append(taken)
                    .append(';');
        }
    }

    /** A held award shrinks: the old row is voided and a smaller held row (same release) takes its place. */
    private PointTransaction replacePendingAward(
            PointAccount account,
            ShopOrder order,
            PointTransaction award,
            long points,
            PointTransaction.Origin origin) {
        award.voidPending();
        account.dropPending(award.points(), origin.at());
        if (points == 0) {
            order.awardReplaced(0, award.id());
            return award;
        }
        PointTransaction smaller = PointTransaction.credit(
                        account.userId(),
                        TransactionType.EARN,
                        Math.toIntExact(points),
                        award.description().orElse(null),
                        order.orderId(),
                        award.expiresAt().orElse(null),
                        TransactionStatus.PENDING,
                        origin)
                .heldUntil(award.releaseAt().orElse(origin.at()));
        accounts.credit(account, smaller);
        order.awardReplaced(smaller.points(), smaller.id());
        awards.moved(award.id(), smaller.id());
        return smaller;
    }

    private static Map<String, BigDecimal> lineTotals(OrderEvent event) {
        Map<String, BigDecimal> totals = new HashMap<>();
        event.lines().forEach(line -> totals.merge(line.key(), line.total(), BigDecimal::add));
        return totals;
    }

    /**
     * The order's award, locked. An order that changed customer since its award cannot be settled against the new
     * customer's points: it is refused (the delivery is logged as failed and raises the alert) for staff to look at.
     */
    private PointTransaction lockedAward(PointAccount account, ShopOrder order) {
        PointTransaction award = em.find(
                PointTransaction.class, order.awardTransactionId().orElseThrow(), LockModeType.PESSIMISTIC_WRITE);
        if (award.userId() != account.userId()) {
            throw new IllegalStateException("order " + order.orderId() + " was awarded to member " + award.userId()
                    + " but now belongs to member " + account.userId());
        }
        return award;
    }

    private List<PointTransaction> rows(long userId, String orderId, TransactionType type) {
        return em.createNamedQuery("PointTransaction.byOrder", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("orderKey", orderId)
                .setParameter("type", type)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Locking read first; INSERT IGNORE only for a new order (on an existing row it would take a shared lock). */
    private ShopOrder lockOrder(String orderId, OrderEvent event, Instant now) {
        ShopOrder existing = em.find(ShopOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        em.createNativeQuery("INSERT IGNORE INTO shop_order (order_id, status, total, eligible_total, first_seen_at,"
                        + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                .setParameter(1, orderId)
                .setParameter(2, event.status())
                .setParameter(3, event.total())
                .setParameter(4, event.eligibleTotal())
                .setParameter(5, now)
                .executeUpdate();
        return em.find(ShopOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
