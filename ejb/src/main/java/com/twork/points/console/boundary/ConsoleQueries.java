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
import com.twork.points.console.control.MemberFilter;
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
            "balance", "COALESCE(a.balance, 0)",
            "earned", "COALESCE(a.lifetime_earned, 0)",
            "activity", MemberFilter.LAST_ACTIVITY);
    /**
     * Points issued, as the dashboard counts them (cards and chart alike): earn, referral and birthday rows and
     * staff credits, not the rows of a void.
     */
    private static final String ISSUED = "(type IN ('earn', 'referral', 'birthday') OR (type = 'adjust' AND points > 0"
            + " AND (bonus_key IS NULL OR bonus_key NOT LIKE 'void:%')))";

    private static final String MEMBER_COLUMNS =
            "m.user_id, m.email, m.display_name, m.status," + " COALESCE(a.balance, 0), COALESCE(a.lifetime_earned, 0)";
    private static final String TRANSACTION_COLUMNS = "t.id, t.user_id, m.email, t.type, t.points, t.description,"
            + " t.order_id, t.created_at, t.expires_at, t.status, t.source, t.actor, t.remaining, v.id,"
            + " (t.bonus_key LIKE 'void:%')";
    /**
     * The rows and the row that voided each (its bonus key is {@code void:<id>} and it reverses the row; found
     * through the {@code reverses_id} index).
     */
    private static final String TRANSACTION_TABLES = " FROM point_transaction t JOIN member m ON m.user_id = t.user_id"
            + " LEFT JOIN point_transaction v ON v.reverses_id = t.id AND v.bonus_key LIKE 'void:%'";

    private static final String ACCOUNT_ACTOR = "account:";
    private static final String KEY_ACTOR = "key:";

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsCache settings;

    @Inject
    TierCatalog tiers;

    @Inject
    AppClock clock;

    /** Members matching the filter, sorted by an allowed column (ties by id), one page. */
    public Paged<MemberRow> members(MemberFilter filter, String sort, boolean descending, int page, int perPage) {
        TransactionFilter.Where where = memberWhere(filter);
        String column = MEMBER_SORTS.getOrDefault(sort, "m.user_id");
        String direction = descending ? " DESC" : " ASC";
        String from = " FROM member m LEFT JOIN point_account a ON a.user_id = m.user_id" + where.clause();
        long total = count("SELECT COUNT(*)" + from, where.parameters());
        int shown = Paged.clamp(page, total, perPage);
        TransactionFilter.Where basis = tierBasis();
        List<Object> parameters = new ArrayList<>(basis.parameters());
        parameters.addAll(where.parameters());
        List<?> rows = query(
                        "SELECT " + MEMBER_COLUMNS + ", " + basis.clause() + ", " + MemberFilter.LAST_ACTIVITY + from
                                + " ORDER BY " + column + direction + ", m.user_id" + direction + " LIMIT " + perPage
                                + " OFFSET " + Paged.offset(shown, perPage),
                        parameters)
                .getResultList();
        TierLadder ladder = tiers.ladder();
        return new Paged<>(rows.stream().map(row -> memberRow(row, ladder)).toList(), total, shown, perPage);
    }

    /**
     * The statement the members CSV export streams: the list's filter and order, every row; columns as
     * {@link #members} reads them (the tier as its basis value, to be placed on {@link #tierLadder}).
     */
    public TransactionFilter.Where membersExport(MemberFilter filter, String sort, boolean descending) {
        TransactionFilter.Where where = memberWhere(filter);
        TransactionFilter.Where basis = tierBasis();
        List<Object> parameters = new ArrayList<>(basis.parameters());
        parameters.addAll(where.parameters());
        String direction = descending ? " DESC" : " ASC";
        return new TransactionFilter.Where(
                "SELECT " + MEMBER_COLUMNS + ", " + basis.clause() + ", " + MemberFilter.LAST_ACTIVITY
                        + " FROM member m LEFT JOIN point_account a ON a.user_id = m.user_id" + where.clause()
                        + " ORDER BY " + MEMBER_SORTS.getOrDefault(sort, "m.user_id") + direction + ", m.user_id"
                        + direction,
                parameters);
    }

    /** The tier ladder as configured now (to name the tier of a basis value an export read). */
    public TierLadder tierLadder() {
        return tiers.ladder();
    }

    /** The tiers as {@code key → label}, lowest first, for the tier filter. */
    public Map<String, String> tierChoices() {
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        tiers.ladder().rungs().forEach(rung -> choices.put(rung.key(), rung.label()));
        return choices;
    }

    private TransactionFilter.Where memberWhere(MemberFilter filter) {
        Optional<TransactionFilter.Where> tierCondition = filter.tier().flatMap(this::tierCondition);
        return filter.where(clock.now(), tierCondition);
    }

    /** Members standing in the tier {@code key}: its threshold reached, the next tier's not (empty if no such tier). */
    private Optional<TransactionFilter.Where> tierCondition(String key) {
        List<TierLadder.Rung> rungs = tiers.ladder().rungs();
        int index = -1;
        for (int i = 0; i < rungs.size(); i++) {
            if (rungs.get(i).key().equals(key)) {
                index = i;
            }
        }
        if (index < 0) {
            return Optional.empty();
        }
        TransactionFilter.Where basis = tierBasis();
        List<Object> parameters = new ArrayList<>(basis.parameters());
        parameters.add(rungs.get(index).threshold());
        if (index + 1 == rungs.size()) {
            return Optional.of(new TransactionFilter.Where("(" + basis.clause() + " >= ?)", parameters));
        }
        parameters.addAll(basis.parameters());
        parameters.add(rungs.get(index + 1).threshold());
        return Optional.of(new TransactionFilter.Where(
                "(" + basis.clause() + " >= ? AND " + basis.clause() + " < ?)", parameters));
    }

    /**
     * The points a member's tier is decided by, as SQL over {@code member m LEFT JOIN point_account a}: lifetime
     * earned, or earned in the last 12 months (earns minus what reversals took back of them) by the
     * {@code tier_basis} setting.
     */
    private TransactionFilter.Where tierBasis() {
        if (!"rolling12".equals(settings.current().raw(SettingKey.TIER_BASIS))) {
            return new TransactionFilter.Where("COALESCE(a.lifetime_earned, 0)", List.of());
        }
        Instant since = clock.now().minus(TWELVE_MONTHS);
        return new TransactionFilter.Where(
                "GREATEST(0, COALESCE((SELECT SUM(e.points) FROM point_transaction e WHERE e.user_id = m.user_id"
                        + " AND e.type = 'earn' AND e.status = 'available' AND e.created_at >= ?), 0)"
                        + " - COALESCE((SELECT SUM(-r.points + r.uncollectable) FROM point_transaction r"
                        + " JOIN point_transaction e ON e.id = r.reverses_id WHERE r.user_id = m.user_id"
                        + " AND e.type = 'earn' AND e.created_at >= ?), 0))",
                List.of(since, since));
    }

    /** Transactions matching the filter, newest first. */
    public Paged<TransactionRow> transactions(TransactionFilter filter, int page, int perPage) {
        TransactionFilter.Where where = filter.where(siteZone());
        long total = count(
                "SELECT COUNT(*) FROM point_transaction t JOIN member m ON m.user_id = t.user_id" + where.clause(),
                where.parameters());
        int shown = Paged.clamp(page, total, perPage);
        List<?> rows = query(
                        "SELECT " + TRANSACTION_COLUMNS + TRANSACTION_TABLES + where.clause()
                                + " ORDER BY t.created_at DESC, t.id DESC LIMIT " + perPage + " OFFSET "
                                + Paged.offset(shown, perPage),
                        where.parameters())
                .getResultList();
        return new Paged<>(
                named(rows.stream().map(ConsoleQueries::transactionRow).toList()), total, shown, perPage);
    }

    /** One ledger row as the lists show it (empty when there is no such row). */
    public Optional<TransactionRow> transaction(long transactionId) {
        List<?> rows = query(
                        "SELECT " + TRANSACTION_COLUMNS + TRANSACTION_TABLES + " WHERE t.id = ?",
                        List.of(transactionId))
                .getResultList();
        return named(rows.stream().map(ConsoleQueries::transactionRow).toList()).stream()
                .findFirst();
    }

    /**
     * The statement the CSV export streams (the same filter and order as the list, every row); asking for it is
     * what authorises the export.
     */
    public TransactionFilter.Where exportStatement(TransactionFilter filter) {
        TransactionFilter.Where where = filter.where(siteZone());
        return new TransactionFilter.Where(
                "SELECT " + TRANSACTION_COLUMNS + TRANSACTION_TABLES + where.clause()
                        + " ORDER BY t.created_at DESC, t.id DESC",
                where.parameters());
    }

    /** A member's open lots (available or pending, points left), soonest expiry first. */
    public List<LotRow> lots(long userId) {
        List<?> rows = em.createNativeQuery("SELECT id, type, points, remaining, status, created_at, expires_at,"
                        + " release_at FROM point_transaction WHERE user_id = ?1 AND remaining > 0 AND status <> 'void'"
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
                        optionalInstant(row[6]),
                        optionalInstant(row[7])))
                .toList();
    }

    /**
     * A member's activity, newest first, at most {@code limit} events: ledger rows, staff actions on the member
     * (from the audit log), app sessions of the member's own account, and each tier reached (by the lifetime count
     * of earned points: earns minus what reversals took back of them, as {@code lifetime_earned} counts).
     */
    public List<ConsoleRows.ActivityRow> activity(long userId, int limit) {
        List<ConsoleRows.ActivityRow> events = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT created_at, type, points, description, order_id, id"
                        + " FROM point_transaction WHERE user_id = ?1 AND status <> 'void'"
                        + " ORDER BY created_at DESC, id DESC LIMIT " + limit)
                .setParameter(1, userId)
                .getResultList()) {
            Object[] values = (Object[]) row;
            String type = (String) values[1];
            String order = values[4] == null ? "" : " · order " + values[4];
            events.add(new ConsoleRows.ActivityRow(
                    Times.instant(values[0]),
                    "points",
                    type,
                    (values[3] == null ? "" : (String) values[3]) + order,
                    Optional.of(ConsoleRows.signed(type, number(values[2]))),
                    Optional.of(number(values[5]))));
        }
        for (Object row : em.createNativeQuery("SELECT created_at, action, reason, details, actor, transaction_id"
                        + " FROM audit_log WHERE member_user_id = ?1 ORDER BY id DESC LIMIT " + limit)
                .setParameter(1, userId)
                .getResultList()) {
            Object[] values = (Object[]) row;
            String reason = values[2] == null ? "" : (String) values[2];
            String details = values[3] == null ? "" : (String) values[3];
            String actor = (String) values[4];
            events.add(new ConsoleRows.ActivityRow(
                    Times.instant(values[0]),
                    "staff",
                    (String) values[1],
                    people(java.util.Set.of(actor)).getOrDefault(actor, actor) + ": " + reason
                            + (reason.isEmpty() || details.isEmpty() ? "" : " · ") + details,
                    Optional.empty(),
                    optionalNumber(values[5])));
        }
        for (Object row : em.createNativeQuery("SELECT s.created_at, s.client_address"
                        + " FROM login_session s JOIN account a ON a.id = s.account_id"
                        + " WHERE a.member_user_id = ?1 ORDER BY s.id DESC LIMIT " + limit)
                .setParameter(1, userId)
                .getResultList()) {
            Object[] values = (Object[]) row;
            events.add(new ConsoleRows.ActivityRow(
                    Times.instant(values[0]),
                    "session",
                    "signed in",
                    values[1] == null ? "in the app" : "in the app, from " + values[1],
                    Optional.empty(),
                    Optional.empty()));
        }
        events.addAll(tiersReached(userId));
        return events.stream()
                .sorted(java.util.Comparator.comparing(ConsoleRows.ActivityRow::at)
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** The moments the member's lifetime earned count crossed a tier threshold (up or down). */
    private List<ConsoleRows.ActivityRow> tiersReached(long userId) {
        List<TierLadder.Rung> rungs = tiers.ladder().rungs();
        List<?> rows = em.createNativeQuery("SELECT t.created_at, CASE WHEN t.type = 'earn' THEN t.points"
                        + " ELSE t.points - t.uncollectable END FROM point_transaction t"
                        + " LEFT JOIN point_transaction e ON e.id = t.reverses_id"
                        + " WHERE t.user_id = ?1 AND t.status = 'available'"
                        + " AND (t.type = 'earn' OR (t.points < 0 AND e.type = 'earn'))"
                        + " ORDER BY t.created_at, t.id LIMIT 20000")
                .setParameter(1, userId)
                .getResultList();
        List<ConsoleRows.ActivityRow> reached = new ArrayList<>();
        long earned = 0;
        int rung = 0;
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            earned = Math.max(0, earned + number(values[1]));
            int now = 0;
            for (int i = 0; i < rungs.size(); i++) {
                if (rungs.get(i).threshold() <= earned) {
                    now = i;
                }
            }
            if (now != rung) {
                reached.add(new ConsoleRows.ActivityRow(
                        Times.instant(values[0]),
                        "tier",
                        (now > rung ? "reached " : "fell back to ")
                                + rungs.get(now).label(),
                        String.format(java.util.Locale.ROOT, "%,d points earned in all", earned),
                        Optional.empty(),
                        Optional.empty()));
                rung = now;
            }
        }
        return reached;
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
        int shown = Paged.clamp(page, total, perPage);
        List<V> rows = em
                .createQuery("SELECT e FROM " + type.getSimpleName() + " e ORDER BY e.id DESC", type)
                .setFirstResult(Paged.offset(shown, perPage))
                .setMaxResults(perPage)
                .getResultList()
                .stream()
                .map(view)
                .toList();
        return new Paged<>(rows, total, shown, perPage);
    }

    /** Members with the most points. */
    public List<MemberRow> topMembers(int limit) {
        TransactionFilter.Where basis = tierBasis();
        List<?> rows = query(
                        "SELECT " + MEMBER_COLUMNS + ", " + basis.clause() + ", " + MemberFilter.LAST_ACTIVITY
                                + " FROM point_account a JOIN member m ON m.user_id = a.user_id"
                                + " WHERE a.balance > 0 ORDER BY a.balance DESC, a.user_id LIMIT " + limit,
                        basis.parameters())
                .getResultList();
        TierLadder ladder = tiers.ladder();
        return rows.stream().map(row -> memberRow(row, ladder)).toList();
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

    /**
     * The audit log, newest first, optionally for one member, one actor (an actor id, a login or a key's
     * description) and/or some ledger rows.
     */
    public Paged<AuditRow> audit(
            Optional<Long> member, Optional<String> actor, List<Long> transactions, int page, int perPage) {
        Optional<List<String>> actors = actor.map(this::actorsNamed);
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        member.ifPresent(value -> {
            conditions.add("member_user_id = ?");
            parameters.add(value);
        });
        if (!transactions.isEmpty()) {
            conditions.add("transaction_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(transactions.size(), "?")) + ")");
            parameters.addAll(transactions);
        }
        actors.ifPresent(values -> {
            conditions.add("actor IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            parameters.addAll(values);
        });
        String from = " FROM audit_log" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        long total = count("SELECT COUNT(*)" + from, parameters);
        int shown = Paged.clamp(page, total, perPage);
        List<?> rows = query(
                        "SELECT id, created_at, actor, action, member_user_id, delta, reason, balance_before,"
                                + " balance_after, transaction_id, client_address, details" + from
                                + " ORDER BY id DESC LIMIT "
                                + perPage + " OFFSET " + Paged.offset(shown, perPage),
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
                shown,
                perPage);
    }

    /** Webhook deliveries received, newest first. */
    public Paged<DeliveryRow> deliveries(int page, int perPage) {
        long total = count("SELECT COUNT(*) FROM webhook_delivery", List.of());
        int shown = Paged.clamp(page, total, perPage);
        List<?> rows = em.createNativeQuery("SELECT id, delivery_id, topic, resource_id, outcome, detail, received_at"
                        + " FROM webhook_delivery ORDER BY id DESC LIMIT " + perPage + " OFFSET "
                        + Paged.offset(shown, perPage))
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
                shown,
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
     * The KPIs of {@code [from, to]} (days in the site's time zone) and of the same number of days just before, the
     * liability now and the pending points by release day (the next 10 release days).
     */
    public ConsoleRows.Kpis kpis(LocalDate from, LocalDate to) {
        ZoneId zone = siteZone();
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant previousStart = previousFrom.atStartOfDay(zone).toInstant();
        String issued = ISSUED;
        Object[] figures = (Object[]) em.createNativeQuery("SELECT"
                        + " COALESCE(SUM(CASE WHEN t.created_at >= ?2 AND " + issued + " THEN t.points END), 0),"
                        + " COALESCE(SUM(CASE WHEN t.created_at >= ?2 AND t.type = 'redeem' THEN t.points END), 0),"
                        + " COALESCE(SUM(CASE WHEN t.created_at >= ?2 AND t.type = 'expire' THEN t.points END), 0),"
                        + " COUNT(DISTINCT CASE WHEN t.created_at >= ?2 THEN t.user_id END),"
                        + " COALESCE(SUM(CASE WHEN t.created_at < ?2 AND " + issued + " THEN t.points END), 0),"
                        + " COALESCE(SUM(CASE WHEN t.created_at < ?2 AND t.type = 'redeem' THEN t.points END), 0),"
                        + " COALESCE(SUM(CASE WHEN t.created_at < ?2 AND t.type = 'expire' THEN t.points END), 0),"
                        + " COUNT(DISTINCT CASE WHEN t.created_at < ?2 THEN t.user_id END)"
                        + " FROM point_transaction t WHERE t.created_at >= ?1 AND t.created_at < ?3"
                        + " AND t.status = 'available'")
                .setParameter(1, previousStart)
                .setParameter(2, start)
                .setParameter(3, end)
                .getSingleResult();
        Object[] held = (Object[])
                em.createNativeQuery("SELECT COALESCE(SUM(balance), 0), COALESCE(SUM(pending), 0) FROM point_account")
                        .getSingleResult();
        int offsetSeconds = zone.getRules().getOffset(clock.now()).getTotalSeconds();
        List<ConsoleRows.Release> releases = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT DATE(release_at + INTERVAL ?1 SECOND) AS day, SUM(remaining)"
                        + " FROM point_transaction WHERE status = 'pending' AND release_at IS NOT NULL"
                        + " GROUP BY day ORDER BY day LIMIT 10")
                .setParameter(1, offsetSeconds)
                .getResultList()) {
            Object[] values = (Object[]) row;
            LocalDate day = values[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) values[0];
            releases.add(new ConsoleRows.Release(day, number(values[1])));
        }
        java.math.BigDecimal rate = new java.math.BigDecimal(settings.current().raw(SettingKey.REDEMPTION_RATE));
        long outstanding = number(held[0]);
        return new ConsoleRows.Kpis(
                new ConsoleRows.PeriodFigures(
                        from, to, number(figures[0]), number(figures[1]), number(figures[2]), number(figures[3])),
                new ConsoleRows.PeriodFigures(
                        previousFrom,
                        from.minusDays(1),
                        number(figures[4]),
                        number(figures[5]),
                        number(figures[6]),
                        number(figures[7])),
                outstanding,
                rate,
                java.math.BigDecimal.valueOf(outstanding).divide(rate, 2, java.math.RoundingMode.HALF_UP),
                number(held[1]),
                releases);
    }

    /** Today in the site's time zone. */
    public LocalDate today() {
        return clock.now().atZone(siteZone()).toLocalDate();
    }

    /**
     * Points issued (see {@link #ISSUED}), redeemed and expired per day in the site's time zone, every day
     * present (zero when nothing happened). The zone's offset of today is used for the whole window.
     */
    List<DayTotals> lastDays(int days) {
        LocalDate today = clock.now().atZone(siteZone()).toLocalDate();
        return days(today.minusDays(days - 1L), today);
    }

    /** {@link #lastDays} for the days {@code first} to {@code today}, both included. */
    public List<DayTotals> days(LocalDate first, LocalDate today) {
        ZoneId zone = siteZone();
        Instant now = clock.now();
        int offsetSeconds = zone.getRules().getOffset(now).getTotalSeconds();
        List<?> rows = em.createNativeQuery("SELECT DATE(created_at + INTERVAL ?1 SECOND) AS day,"
                        + " SUM(CASE WHEN " + ISSUED + " THEN points ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'redeem' THEN points ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'expire' THEN points ELSE 0 END)"
                        + " FROM point_transaction WHERE created_at >= ?2 AND created_at < ?3 AND status = 'available'"
                        + " GROUP BY day")
                .setParameter(1, offsetSeconds)
                .setParameter(2, first.atStartOfDay(zone).toInstant())
                .setParameter(3, today.plusDays(1).atStartOfDay(zone).toInstant())
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

    private static MemberRow memberRow(Object row, TierLadder ladder) {
        Object[] values = (Object[]) row;
        return new MemberRow(
                number(values[0]),
                (String) values[1],
                (String) values[2],
                (String) values[3],
                number(values[4]),
                number(values[5]),
                ladder.place(number(values[6])).label(),
                Times.instant(values[7]));
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
                number(values[12]),
                optionalNumber(values[13]),
                values[14] != null && number(values[14]) != 0,
                (String) values[11]);
    }

    private List<TransactionRow> named(List<TransactionRow> rows) {
        Map<String, String> names =
                people(rows.stream().map(TransactionRow::actor).collect(java.util.stream.Collectors.toSet()));
        return rows.stream()
                .map(row -> row.withActorName(names.getOrDefault(row.actor(), row.actor())))
                .toList();
    }

    /**
     * Names a person knows for actor ids: {@code account:N} → the login, {@code key:N} → "key N (description)";
     * anything else (system, a customer's own account without a login here) keeps its id.
     */
    public Map<String, String> people(java.util.Set<String> actors) {
        List<Long> accountIds = ids(actors, ACCOUNT_ACTOR);
        List<Long> keyIds = ids(actors, KEY_ACTOR);
        Map<String, String> names = new HashMap<>();
        if (!accountIds.isEmpty()) {
            for (Object row : em.createNativeQuery("SELECT id, login FROM account WHERE id IN (?1)")
                    .setParameter(1, accountIds)
                    .getResultList()) {
                Object[] values = (Object[]) row;
                names.put(ACCOUNT_ACTOR + number(values[0]), (String) values[1]);
            }
        }
        if (!keyIds.isEmpty()) {
            for (Object row : em.createNativeQuery("SELECT id, description FROM api_key WHERE id IN (?1)")
                    .setParameter(1, keyIds)
                    .getResultList()) {
                Object[] values = (Object[]) row;
                names.put(KEY_ACTOR + number(values[0]), "key " + number(values[0]) + " (" + values[1] + ")");
            }
        }
        return names;
    }

    /**
     * The actor ids a person may mean by what they typed: an actor id as stored ({@code account:3}, {@code key:1},
     * {@code system}), a staff login, or an API key's description (every key that has it).
     */
    public List<String> actorsNamed(String typed) {
        String term = typed.trim();
        List<String> actors = new ArrayList<>();
        actors.add(term);
        for (Object id : em.createNativeQuery("SELECT id FROM account WHERE login = ?1")
                .setParameter(1, term)
                .getResultList()) {
            actors.add(ACCOUNT_ACTOR + number(id));
        }
        for (Object id : em.createNativeQuery("SELECT id FROM api_key WHERE description = ?1")
                .setParameter(1, term)
                .getResultList()) {
            actors.add(KEY_ACTOR + number(id));
        }
        return actors;
    }

    private static List<Long> ids(java.util.Set<String> actors, String prefix) {
        return actors.stream()
                .filter(actor -> actor != null && actor.startsWith(prefix))
                .map(actor -> actor.substring(prefix.length()))
                .filter(id -> id.matches("\\d{1,18}"))
                .map(Long::parseLong)
                .toList();
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
