package com.twork.points.ledger.control;

import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.control.ClientDateTime;
import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Read-only queries over one member's account and ledger. */
@ApplicationScoped
public class LedgerQueries {
    /** From this offset on, a history page reads its ids first (see {@link #history}). */
    static final int DEFERRED_JOIN_OFFSET = 100;

    @PersistenceContext
    EntityManager em;

    public Optional<PointAccount> findAccount(long userId) {
        return Optional.ofNullable(em.find(PointAccount.class, userId));
    }

    /** The balance as the member sees it: lots past their expiry time are left out even if not expired yet. */
    public long shownBalance(long userId, Instant now) {
        return snapshot(userId, now, now).map(BalanceSnapshot::shownBalance).orElse(0L);
    }

    /**
     * The account's totals and the open-lot sums read by one statement, so they come from one consistent view of
     * the data even while writers commit around it (two statements under READ COMMITTED could mix states).
     */
    public Optional<BalanceSnapshot> snapshot(long userId, Instant now, Instant soonLimit) {
        return memberBalance(userId, now, soonLimit).flatMap(MemberBalance::snapshot);
    }

    /** A member's status and creation time with its balance snapshot (empty when it has no account yet). */
    public record MemberBalance(MemberStatus status, Instant memberCreatedAt, Optional<BalanceSnapshot> snapshot) {
        public boolean active() {
            return status == MemberStatus.ACTIVE;
        }
    }

    /**
     * The member and its {@link #snapshot} in one statement: the balance route's whole database work is one
     * round trip (it was two, each taking a pooled connection). Empty for an unknown member.
     */
    public Optional<MemberBalance> memberBalance(long userId, Instant now, Instant soonLimit) {
        List<?> rows = em.createNativeQuery("SELECT m.status, m.created_at, a.balance, a.lifetime_earned,"
                        + " a.lifetime_redeemed, a.lifetime_expired, a.pending, a.updated_at,"
                        + " (SELECT COALESCE(SUM(t.remaining), 0) FROM point_transaction t"
                        + "   WHERE t.user_id = a.user_id AND t.lot_expiry <= ?2),"
                        + " (SELECT COALESCE(SUM(t.remaining), 0) FROM point_transaction t"
                        + "   WHERE t.user_id = a.user_id AND t.lot_expiry > ?2 AND t.lot_expiry <= ?3)"
                        + " FROM member m LEFT JOIN point_account a ON a.user_id = m.user_id WHERE m.user_id = ?1")
                .setParameter(1, userId)
                .setParameter(2, now)
                .setParameter(3, soonLimit)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Optional<BalanceSnapshot> snapshot = row[2] == null
                ? Optional.empty()
                : Optional.of(new BalanceSnapshot(
                        number(row[2]),
                        number(row[3]),
                        number(row[4]),
                        number(row[5]),
                        number(row[6]),
                        Times.instant(row[7]),
                        number(row[8]),
                        number(row[9])));
        return Optional.of(new MemberBalance(MemberStatus.fromWire((String) row[0]), Times.instant(row[1]), snapshot));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * Points of type {@code earn} credited since {@code since}, net of what reversals took back from those rows:
     * the rolling-12-months figure tiers may use.
     */
    public long earnedSince(long userId, Instant since) {
        Object value = em.createNativeQuery("SELECT"
                        + " COALESCE((SELECT SUM(e.points) FROM point_transaction e WHERE e.user_id = ?1"
                        + "   AND e.type = 'earn' AND e.status = 'available' AND e.created_at >= ?2), 0)"
                        + " - COALESCE((SELECT SUM(-r.points + r.uncollectable) FROM point_transaction r"
                        + "   JOIN point_transaction e ON e.id = r.reverses_id WHERE r.user_id = ?1"
                        + "   AND e.type = 'earn' AND e.created_at >= ?2), 0)")
                .setParameter(1, userId)
                .setParameter(2, since)
                .getSingleResult();
        return Math.max(0, ((Number) value).longValue());
    }

    /** What the shop's webhooks have made of an order: its member and its current award, if any. */
    public record OrderState(Optional<Long> userId, String status, Optional<Long> awardTransactionId) {}

    public Optional<OrderState> orderState(String orderKey) {
        List<?> rows = em.createNativeQuery(
                        "SELECT user_id, status, CASE WHEN awarded > 0 THEN award_transaction_id END FROM shop_order"
                                + " WHERE order_id = ?1")
                .setParameter(1, orderKey)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new OrderState(
                Optional.ofNullable((Number) row[0]).map(Number::longValue),
                (String) row[1],
                Optional.ofNullable((Number) row[2]).map(Number::longValue)));
    }

    /** Which of a batch's ids are this member's: as row ids, and as recorded client ids (with their rows). */
    public record KnownIds(Set<Long> rowIds, Map<String, Long> byClientRef) {}

    /**
     * The member's rows among a batch's ids, as row ids and as recorded client ids, in one round trip: the check a
     * /sync batch makes for the app's echo of rows the server already has.
     */
    public KnownIds knownIds(long userId, Collection<Long> ids, Collection<String> refs) {
        if (refs.isEmpty()) {
            return new KnownIds(Set.of(), Map.of());
        }
        String byRef = "SELECT id, client_ref FROM point_transaction WHERE user_id = ?1 AND client_ref IN (?2)";
        var query = ids.isEmpty()
                ? em.createNativeQuery(byRef)
                : em.createNativeQuery(byRef
                                + " UNION ALL SELECT id, NULL FROM point_transaction WHERE user_id = ?1 AND id IN (?3)")
                        .setParameter(3, ids);
        query.setParameter(1, userId).setParameter(2, refs);
        Set<Long> rowIds = new HashSet<>();
        Map<String, Long> byClientRef = new HashMap<>();
        for (Object found : query.getResultList()) {
            Object[] row = (Object[]) found;
            long id = ((Number) row[0]).longValue();
            if (row[1] == null) {
                rowIds.add(id);
            } else {
                byClientRef.put((String) row[1], id);
            }
        }
        return new KnownIds(rowIds, byClientRef);
    }

    /** Open-lot sums at {@code now}; uses the lot_expiry index, so it reads open lots only. */
    public LotTotals lotTotals(long userId, Instant now, Instant soonLimit) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT"
                        + " COALESCE(SUM(CASE WHEN lot_expiry <= ?2 THEN remaining ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN lot_expiry > ?2 THEN remaining ELSE 0 END), 0)"
                        + " FROM point_transaction WHERE user_id = ?1 AND lot_expiry <= ?3")
                .setParameter(1, userId)
                .setParameter(2, now)
                .setParameter(3, soonLimit)
                .getSingleResult();
        return new LotTotals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public List<PointTransaction> expiringLots(long userId, Instant now, Instant until) {
        return em.createNamedQuery("PointTransaction.expiringLots", PointTransaction.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .setParameter("until", until)
                .getResultList();
    }

    /**
     * One page of history, newest first (or oldest first), ties broken by id so pages never overlap. Past the
     * first pages it is a deferred join: the page's ids come from the index {@code (user_id, status, created_at,
     * id)} alone, then only those rows are read, instead of reading every skipped row.
     */
    public List<PointTransaction> history(long userId, HistoryFilter filter, ZoneId zone, int offset, int limit) {
        String direction = filter.ascending() ? "ASC" : "DESC";
        String order = " ORDER BY t.createdAt " + direction + ", t.id " + direction;
        if (offset < DEFERRED_JOIN_OFFSET) {
            TypedQuery<PointTransaction> query =
                    em.createQuery("SELECT t FROM PointTransaction t" + where(filter) + order, PointTransaction.class);
            bind(query, userId, filter, zone);
            return query.setFirstResult(offset).setMaxResults(limit).getResultList();
        }
        TypedQuery<Long> ids =
                em.createQuery("SELECT t.id FROM PointTransaction t" + where(filter) + order, Long.class);
        bind(ids, userId, filter, zone);
        List<Long> pageIds = ids.setFirstResult(offset).setMaxResults(limit).getResultList();
        if (pageIds.isEmpty()) {
            return List.of();
        }
        Map<Long, PointTransaction> rows = new HashMap<>();
        for (PointTransaction row : em.createQuery(
                        "SELECT t FROM PointTransaction t WHERE t.id IN :ids", PointTransaction.class)
                .setParameter("ids", pageIds)
                .getResultList()) {
            rows.put(row.id(), row);
        }
        return pageIds.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /**
     * Which of these rows a staff void undid, and by which row: the void of row N carries bonus key {@code void:N},
     * so this is one lookup on the unique index {@code (user_id, bonus_key)}.
     */
    public Map<Long, Long> voidedBy(long userId, List<PointTransaction> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> keys = rows.stream()
                .map(row -> PointsLedger.VOID_KEY_PREFIX + row.id())
                .toList();
        Map<Long, Long> voids = new HashMap<>();
        for (Object[] found : em.createQuery(
                        "SELECT t.bonusKey, t.id FROM PointTransaction t WHERE t.userId = :userId"
                                + " AND t.bonusKey IN :keys",
                        Object[].class)
                .setParameter("userId", userId)
                .setParameter("keys", keys)
                .getResultList()) {
            voids.put(Long.parseLong(((String) found[0]).substring(PointsLedger.VOID_KEY_PREFIX.length())), (Long)
                    found[1]);
        }
        return voids;
    }

    public long countHistory(long userId, HistoryFilter filter, ZoneId zone) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(t) FROM PointTransaction t" + where(filter), Long.class);
        bind(query, userId, filter, zone);
        return query.getSingleResult();
    }

    private static String where(HistoryFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE t.userId = :userId AND t.status IN :statuses");
        filter.type().ifPresent(type -> where.append(" AND t.type = :type"));
        filter.orderId().ifPresent(order -> where.append(" AND t.orderKey = :orderKey"));
        filter.search()
                .ifPresent(search -> where.append(
                        " AND (t.description LIKE :search ESCAPE '!'" + " OR t.orderId LIKE :search ESCAPE '!')"));
        filter.from().ifPresent(from -> where.append(" AND t.createdAt >= :from"));
        filter.to().ifPresent(to -> where.append(" AND t.createdAt <= :to"));
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, long userId, HistoryFilter filter, ZoneId zone) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put(
                "statuses",
                filter.statuses().isEmpty() ? List.of(TransactionStatus.AVAILABLE) : List.copyOf(filter.statuses()));
        filter.type().ifPresent(type -> parameters.put("type", type));
        filter.orderId()
                .ifPresent(order ->
                        parameters.put("orderKey", OrderIds.normalise(order).orElse(order)));
        filter.search().ifPresent(search -> parameters.put("search", "%" + escapeLike(search) + "%"));
        filter.from().ifPresent(from -> parameters.put("from", from.toInstant(zone)));
        filter.to().ifPresent(to -> parameters.put("to", upperBound(to, zone)));
        parameters.forEach(query::setParameter);
    }

    private static Instant upperBound(ClientDateTime to, ZoneId zone) {
        return to instanceof ClientDateTime.Day day ? day.endOfDay(zone) : to.toInstant(zone);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
