package com.twork.points.console.boundary;

import com.twork.points.console.boundary.ConsoleRows.AuditRow;
import com.twork.points.console.boundary.ConsoleRows.Dashboard;
import com.twork.points.console.boundary.ConsoleRows.DayTotals;
import com.twork.points.console.boundary.ConsoleRows.DeliveryRow;
import com.twork.points.console.boundary.ConsoleRows.ExpiringRow;
import com.twork.points.console.boundary.ConsoleRows.LotRow;
import com.twork.points.console.boundary.ConsoleRows.MemberRow;
import com.twork.points.console.boundary.ConsoleRows.TierCount;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.Times;
import com.twork.points.security.boundary.AccountView;
import com.twork.points.security.boundary.ApiKeyView;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Account;
import com.twork.points.security.entity.ApiKey;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import com.twork.points.tier.control.TierCatalog;
import com.twork.points.tier.control.TierLadder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's lists and figures: every list paged by the database in a stable order (a unique column breaks
 * ties), every figure read by SQL, nothing cached in this JVM. Staff only (MANAGER and up); API keys may not
 * read these.
 */
@Stateless
@RequiresPermission(value = Permission.READ, keys = false)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ConsoleQueries {
    static final Duration TWELVE_MONTHS = Duration.ofDays(365);
    private static final Map<String, String> MEMBER_SORTS = Map.of(
            "id", "m.user_id",
            "name", "m.display_name",
            "email", "m.email",
            "balance", "COALESCE(a.balance, 0)");
    private static final String TRANSACTION_COLUMNS = "t.id, t.user_id, m.email, t.type, t.points, t.description,"
            + " t.order_id, t.created_at, t.expires_at, t.status, t.source, t.actor, t.remaining";

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsCache settings;

    @Inject
    TierCatalog tiers;

    @Inject
    AppClock clock;

    /** Members matching a search (exact id, or part of the e-mail or name), sorted by an allowed column. */
    public Paged<MemberRow> members(String search, String sort, boolean descending, int page, int perPage) {
        List<Object> parameters = new ArrayList<>();
        String where = "";
        String term = search == null ? "" : search.trim();
        if (!term.isEmpty()) {
            String pattern = "%" + TransactionFilter.likeEscaped(term) + "%";
            where = " WHERE (m.email LIKE ? ESCAPE '!' OR m.display_name LIKE ? ESCAPE '!'"
                    + (term.matches("\\d{1,18}") ? " OR m.user_id = ?)" : ")");
            parameters.add(pattern);
            parameters.add(pattern);
            if (term.matches("\\d{1,18}")) {
                parameters.add(Long.parseLong(term));
            }
        }
        String column = MEMBER_SORTS.getOrDefault(sort, "m.user_id");
        String direction = descending ? " DESC" : " ASC";
        String from = " FROM member m LEFT JOIN point_account a ON a.user_id = m.user_id" + where;
        long total = count("SELECT COUNT(*)" + from, parameters);
        List<?> rows = query(
                        "SELECT m.user_id, m.email, m.display_name, m.status, COALESCE(a.balance, 0),"
                                + " COALESCE(a.lifetime_earned, 0)" + from + " ORDER BY " + column + direction
                                + ", m.user_id" + direction + " LIMIT " + perPage + " OFFSET "
                                + Paged.offset(page, perPage),
                        parameters)
                .getResultList();
        return new Paged<>(rows.stream().map(ConsoleQueries::memberRow).toList(), total, Math.max(1, page), perPage);
    }

    /** Transactions matching the filter, newest first. */
    public Paged<TransactionRow> transactions(TransactionFilter filter, int page, int perPage) {
        TransactionFilter.Where where = filter.where(siteZone());
        String from = " FROM point_transaction t JOIN member m ON m.user_id = t.user_id" + where.clause();
        long total = count("SELECT COUNT(*)" + from, where.parameters());
        List<?> rows = query(
                        "SELECT " + TRANSACTION_COLUMNS + from + " ORDER BY t.created_at DESC, t.id DESC LIMIT "
                                + perPage + " OFFSET " + Paged.offset(page, perPage),
                        where.parameters())
                .getResultList();
        return new Paged<>(
                rows.stream().map(ConsoleQueries::transactionRow).toList(), total, Math.max(1, page), perPage);
    }

    /**
     * The statement the CSV export streams (the same filter and order as the list, every row); asking for it is
     * what authorises the export.
     */
    public TransactionFilter.Where exportStatement(TransactionFilter filter) {
        TransactionFilter.Where where = filter.where(siteZone());
        return new TransactionFilter.Where(
                "SELECT " + TRANSACTION_COLUMNS
                        + " FROM point_transaction t JOIN member m ON m.user_id = t.user_id" + where.clause()
                        + " ORDER BY t.created_at DESC, t.id DESC",
                where.parameters());
    }

    /** A member's open lots (available or pending, points left), soonest expiry first. */
    public List<LotRow> lots(long userId) {
        List<?> rows = em.createNativeQuery("SELECT id, type, points, remaining, status, created_at, expires_at"
                        + " FROM point_transaction WHERE user_id = ?1 AND remaining > 0 AND status <> 'void'"
                        + " ORDER BY COALESCE(expires_at, TIMESTAMP '9999-12-31 23:59:59'), id LIMIT 500")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new LotRow(
                        number(row[0]),
                        (String) row[1],
                        number(row[2]),
                        number(row[3]),
                        (String) row[4],
                        Times.instant(row[5]),
                        optionalInstant(row[6])))
                .toList();
    }

    /** Whose transaction this is (empty when there is no such row). */
    public Optional<Long> transactionOwner(long transactionId) {
        List<?> rows = em.createNativeQuery("SELECT user_id FROM point_transaction WHERE id = ?1")
                .setParameter(1, transactionId)
                .getResultList();
        return rows.stream().findFirst().map(ConsoleQueries::number);
    }

    /** The tier ladder as stored, lowest threshold first, with each tier's benefits text. */
    public List<ConsoleRows.TierRow> tiers() {
        List<?> rows = em.createNativeQuery(
                        "SELECT tier_key, label, threshold, multiplier, benefits FROM tier ORDER BY threshold")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new ConsoleRows.TierRow(
                        (String) row[0], (String) row[1], number(row[2]), (java.math.BigDecimal) row[3], (String)
                                row[4]))
                .toList();
    }

    /** Staff and customer accounts, newest first (ADMIN). */
    @RequiresPermission(value = Permission.READ, keys = false, staff = Role.ADMIN)
    public Paged<AccountView> accounts(int page, int perPage) {
        return newestFirst(Account.class, AccountView::of, page, perPage);
    }

    /** API keys, newest first (ADMIN). */
    @RequiresPermission(value = Permission.READ, keys = false, staff = Role.ADMIN)
    public Paged<ApiKeyView> keys(int page, int perPage) {
        return newestFirst(ApiKey.class, ApiKeyView::of, page, perPage);
    }

    private <E, V> Paged<V> newestFirst(Class<E> type, java.util.function.Function<E, V> view, int page, int perPage) {
        long total = em.createQuery("SELECT COUNT(e) FROM " + type.getSimpleName() + " e", Long.class)
                .getSingleResult();
        List<V> rows = em
                .createQuery("SELECT e FROM " + type.getSimpleName() + " e ORDER BY e.id DESC", type)
                .setFirstResult(Paged.offset(page, perPage))
                .setMaxResults(perPage)
                .getResultList()
                .stream()
                .map(view)
                .toList();
        return new Paged<>(rows, total, Math.max(1, page), perPage);
    }

    /** Members with the most points. */
    public List<MemberRow> topMembers(int limit) {
        List<?> rows = em.createNativeQuery("SELECT m.user_id, m.email, m.display_name, m.status, a.balance,"
                        + " a.lifetime_earned FROM point_account a JOIN member m ON m.user_id = a.user_id"
                        + " WHERE a.balance > 0 ORDER BY a.balance DESC, a.user_id LIMIT " + limit)
                .getResultList();
        return rows.stream().map(ConsoleQueries::memberRow).toList();
    }

    /** Lots with points left that expire within {@code days}, the soonest first (the plugin sorted them wrongly). */
    public List<ExpiringRow> expiringSoon(int days, int limit) {
        Instant now = clock.now();
        List<?> rows = em.createNativeQuery("SELECT t.id, t.user_id, m.email, t.remaining, t.lot_expiry"
                        + " FROM point_transaction t JOIN member m ON m.user_id = t.user_id"
                        + " WHERE t.lot_expiry > ?1 AND t.lot_expiry <= ?2 ORDER BY t.lot_expiry, t.id LIMIT " + limit)
                .setParameter(1, now)
                .setParameter(2, now.plus(Duration.ofDays(days)))
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new ExpiringRow(
                        number(row[0]), number(row[1]), (String) row[2], number(row[3]), Times.instant(row[4])))
                .toList();
    }

    /** The audit log, newest first, optionally for one member and/or one actor. */
    public Paged<AuditRow> audit(Optional<Long> member, Optional<String> actor, int page, int perPage) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        member.ifPresent(value -> {
            conditions.add("member_user_id = ?");
            parameters.add(value);
        });
        actor.ifPresent(value -> {
            conditions.add("actor = ?");
            parameters.add(value);
        });
        String from = " FROM audit_log" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        long total = count("SELECT COUNT(*)" + from, parameters);
        List<?> rows = query(
                        "SELECT id, created_at, actor, action, member_user_id, delta, reason, balance_before,"
                                + " balance_after, transaction_id, client_address, details" + from
                                + " ORDER BY id DESC LIMIT "
                                + perPage + " OFFSET " + Paged.offset(page, perPage),
                        parameters)
                .getResultList();
        return new Paged<>(
                rows.stream()
                        .map(row -> (Object[]) row)
                        .map(row -> new AuditRow(
                                number(row[0]),
                                Times.instant(row[1]),
                                (String) row[2],
                                (String) row[3],
                                optionalNumber(row[4]),
                                optionalNumber(row[5]),
                                (String) row[6],
                                optionalNumber(row[7]),
                                optionalNumber(row[8]),
                                optionalNumber(row[9]),
                                (String) row[10],
                                (String) row[11]))
                        .toList(),
                total,
                Math.max(1, page),
                perPage);
    }

    /** Webhook deliveries received, newest first. */
    public Paged<DeliveryRow> deliveries(int page, int perPage) {
        long total = count("SELECT COUNT(*) FROM webhook_delivery", List.of());
        List<?> rows = em.createNativeQuery("SELECT id, delivery_id, topic, resource_id, outcome, detail, received_at"
                        + " FROM webhook_delivery ORDER BY id DESC LIMIT " + perPage + " OFFSET "
                        + Paged.offset(page, perPage))
                .getResultList();
        return new Paged<>(
                rows.stream()
                        .map(row -> (Object[]) row)
                        .map(row -> new DeliveryRow(
                                number(row[0]),
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                (String) row[4],
                                (String) row[5],
                                Times.instant(row[6])))
                        .toList(),
                total,
                Math.max(1, page),
                perPage);
    }

    /** Totals, the last 30 days per day, the tier distribution and the latest rows. */
    public Dashboard dashboard() {
        Object[] totals = (Object[]) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM member),"
                        + " COALESCE(SUM(balance), 0), COALESCE(SUM(pending), 0), COALESCE(SUM(lifetime_earned), 0),"
                        + " COALESCE(SUM(lifetime_redeemed), 0), COALESCE(SUM(lifetime_expired), 0),"
                        + " (SELECT COALESCE(SUM(remaining), 0) FROM point_transaction WHERE status = 'available')"
                        + " FROM point_account")
                .getSingleResult();
        TransactionFilter adjustments = new TransactionFilter(
                Optional.of("adjust"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new Dashboard(
                number(totals[0]),
                number(totals[1]),
                number(totals[2]),
                number(totals[3]),
                number(totals[4]),
                number(totals[5]),
                number(totals[6]),
                lastDays(30),
                tierDistribution(),
                transactions(TransactionFilter.none(), 1, 8).rows(),
                transactions(adjustments, 1, 8).rows());
    }

    /**
     * Points earned (earn, referral, birthday), redeemed and expired per day in the site's time zone, every day
     * present (zero when nothing happened). The zone's offset of today is used for the whole window.
     */
    List<DayTotals> lastDays(int days) {
        ZoneId zone = siteZone();
        Instant now = clock.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        int offsetSeconds = zone.getRules().getOffset(now).getTotalSeconds();
        List<?> rows = em.createNativeQuery("SELECT DATE(created_at + INTERVAL ?1 SECOND) AS day,"
                        + " SUM(CASE WHEN type IN ('earn', 'referral', 'birthday') THEN points ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'redeem' THEN points ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'expire' THEN points ELSE 0 END)"
                        + " FROM point_transaction WHERE created_at >= ?2 AND status = 'available'"
                        + " GROUP BY day")
                .setParameter(1, offsetSeconds)
                .setParameter(2, first.atStartOfDay(zone).toInstant())
                .getResultList();
        Map<LocalDate, DayTotals> byDay = new HashMap<>();
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            LocalDate day = values[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) values[0];
            byDay.put(day, new DayTotals(day, number(values[1]), number(values[2]), number(values[3])));
        }
        List<DayTotals> series = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(byDay.getOrDefault(day, new DayTotals(day, 0, 0, 0)));
        }
        return series;
    }

    /** How many members stand in each tier, by the configured basis (lifetime or rolling 12 months). */
    List<TierCount> tierDistribution() {
        List<TierLadder.Rung> rungs = tiers.ladder().rungs();
        boolean rolling = "rolling12".equals(settings.current().raw(SettingKey.TIER_BASIS));
        String basis = rolling
                ? "GREATEST(0, COALESCE((SELECT SUM(e.points) FROM point_transaction e WHERE e.user_id = m.user_id"
                        + " AND e.type = 'earn' AND e.status = 'available' AND e.created_at >= ?1), 0)"
                        + " - COALESCE((SELECT SUM(-r.points + r.uncollectable) FROM point_transaction r"
                        + " JOIN point_transaction e ON e.id = r.reverses_id WHERE r.user_id = m.user_id"
                        + " AND e.type = 'earn' AND e.created_at >= ?1), 0))"
                : "COALESCE(a.lifetime_earned, 0)";
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = rungs.size() - 1; i > 0; i--) {
            bucket.append(" WHEN ")
                    .append(basis)
                    .append(" >= ")
                    .append(rungs.get(i).threshold())
                    .append(" THEN ")
                    .append(i);
        }
        bucket.append(" ELSE 0 END");
        Query query = em.createNativeQuery("SELECT " + bucket + " AS bucket, COUNT(*) FROM member m"
                + " LEFT JOIN point_account a ON a.user_id = m.user_id GROUP BY bucket");
        if (rolling) {
            query.setParameter(1, clock.now().minus(TWELVE_MONTHS));
        }
        Map<Integer, Long> counts = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] values = (Object[]) row;
            counts.put((int) number(values[0]), number(values[1]));
        }
        List<TierCount> distribution = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            distribution.add(new TierCount(rungs.get(i).label(), counts.getOrDefault(i, 0L)));
        }
        return distribution;
    }

    private ZoneId siteZone() {
        return settings.current().siteZone();
    }

    private long count(String sql, List<Object> parameters) {
        return number(query(sql, parameters).getSingleResult());
    }

    /** A native query whose {@code ?} placeholders are numbered in order (Hibernate wants {@code ?1, ?2...}). */
    private Query query(String sql, List<Object> parameters) {
        StringBuilder numbered = new StringBuilder(sql.length() + 8);
        int index = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c);
            if (c == '?') {
                numbered.append(++index);
            }
        }
        Query query = em.createNativeQuery(numbered.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static MemberRow memberRow(Object row) {
        Object[] values = (Object[]) row;
        return new MemberRow(
                number(values[0]),
                (String) values[1],
                (String) values[2],
                (String) values[3],
                number(values[4]),
                number(values[5]));
    }

    private static TransactionRow transactionRow(Object row) {
        Object[] values = (Object[]) row;
        return new TransactionRow(
                number(values[0]),
                number(values[1]),
                (String) values[2],
                (String) values[3],
                number(values[4]),
                (String) values[5],
                (String) values[6],
                Times.instant(values[7]),
                optionalInstant(values[8]),
                (String) values[9],
                (String) values[10],
                (String) values[11],
                number(values[12]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Optional<Long> optionalNumber(Object value) {
        return value == null ? Optional.empty() : Optional.of(number(value));
    }

    private static Optional<Instant> optionalInstant(Object value) {
        return value == null ? Optional.empty() : Optional.of(Times.instant(value));
    }
}
