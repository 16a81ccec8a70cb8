package com.twork.points.launcher.tools.dataset;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes members and their ledgers as our rules would have written them, simulated member by member in time order:
 * every write first expires the member's due lots (one {@code expire} row with its allocations), credits are lots
 * (most expire after 365 days), redemptions consume lots soonest-expiring first through allocations, recent order
 * awards may be pending. Lots that fell due after a member's last write are left for the expiry job, as in a live
 * system. Rows go in with multi-row INSERTs (foreign-key and unique checks off for the session: ids and keys are
 * made unique here) and the §2 invariant is checked over every member at the end.
 */
public final class DatasetGenerator {
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final int ROWS_PER_INSERT = 1_000;
    private static final int INSERTS_PER_COMMIT = 20;
    private static final Duration LOT_LIFE = Duration.ofDays(365);
    private static final Duration HISTORY = Duration.ofDays(730);

    /** What to generate: {@code heavyMembers} get twenty times the average number of rows (deep pages). */
    public record Options(int members, long transactions, long seed) {
        public Options {
            if (members < 1 || transactions < members) {
                throw new IllegalArgumentException("--members must be >= 1 and --transactions >= --members");
            }
        }
    }

    /** What was written, and where it starts (the benchmark picks members from this range). */
    public record Summary(
            long firstUserId, int members, long transactions, long allocations, long dueLots, long heavyUserId) {}

    private final Connection connection;
    private final PrintStream out;
    private final Batch transactionRows;
    private final Batch allocationRows;
    private final Batch memberRows;
    private final Batch accountRows;
    private long nextTransactionId;
    private long nextOrder;
    private long written;
    private long allocations;
    private long dueLots;
    private int statementsSinceCommit;
    /** One seeded sequence for the whole run, so a seed always gives the same dataset. */
    private SplittableRandom random;

    public DatasetGenerator(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
        this.transactionRows = new Batch("INSERT INTO point_transaction (id, user_id, type, points, description,"
                + " order_id, order_key, created_at, expires_at, release_at, remaining, status, source, actor,"
                + " client_order_key) VALUES ");
        this.allocationRows =
                new Batch("INSERT INTO point_allocation (debit_id, lot_id, points, restored, created_at) VALUES ");
        this.memberRows = new Batch(
                "INSERT INTO member (user_id, email, display_name, status, birthday, created_at, updated_at) VALUES ");
        this.accountRows = new Batch("INSERT INTO point_account (user_id, balance, lifetime_earned, lifetime_redeemed,"
                + " lifetime_expired, pending, updated_at, version) VALUES ");
    }

    public Summary generate(Options options) throws SQLException {
        long started = System.nanoTime();
        Instant now = Instant.now();
        long firstUserId = Math.max(1_000_000L, single("SELECT COALESCE(MAX(user_id), 0) + 1 FROM member"));
        nextTransactionId = single("SELECT COALESCE(MAX(id), 0) + 1 FROM point_transaction");
        nextOrder = 10_000_000L + nextTransactionId;
        int heavy = Math.max(1, options.members() / 1_000);
        double average = (double) options.transactions() / options.members();
        double lightAverage =
                Math.max(1, (options.transactions() - heavy * average * 20) / (options.members() - heavy));
        if (options.members() == heavy) {
            lightAverage = average;
        }
        out.printf(
                "Generating %,d members and about %,d transactions (members %d..%d; the first %d have ~%,d rows"
                        + " each), seed %d%n",
                options.members(),
                options.transactions(),
                firstUserId,
                firstUserId + options.members() - 1,
                heavy,
                Math.round(average * 20),
                options.seed());
        boolean autoCommit = connection.getAutoCommit();
        try (Statement session = connection.createStatement()) {
            session.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
            connection.setAutoCommit(false);
            random = new SplittableRandom(options.seed());
            long lastReport = System.nanoTime();
            for (int m = 0; m < options.members(); m++) {
                double target = m < heavy ? average * 20 : lightAverage;
                int events = (int) Math.max(1, Math.round(target * (0.5 + random.nextDouble())));
                member(firstUserId + m, events, now, random);
                if (System.nanoTime() - lastReport > 2_000_000_000L || m == options.members() - 1) {
                    lastReport = System.nanoTime();
                    double seconds = (lastReport - started) / 1e9;
                    out.printf(
                            "  %,d / %,d members, %,d transactions, %,d allocations (%.0f s, %,.0f rows/s)%n",
                            m + 1, options.members(), written, allocations, seconds, (written + allocations) / seconds);
                }
            }
            flushAll();
            connection.commit();
            session.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        out.printf("Written in %.0f s. Filling the accounts' write hints ...%n", (System.nanoTime() - started) / 1e9);
        try (Statement hints = connection.createStatement()) {
            hints.executeUpdate(WRITE_HINTS);
        }
        out.printf("Analysing the tables ...%n");
        try (Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE TABLE member, point_account, point_transaction, point_allocation");
        }
        return new Summary(firstUserId, options.members(), written, allocations, dueLots, firstUserId);
    }

    /**
     * The accounts' next expiry and last sync time, as migration V13 fills them for existing rows: without them every
     * member's first write would scan its lots (correct, but not what a running system does).
     */
    private static final String WRITE_HINTS = "UPDATE point_account a SET a.next_expiry = COALESCE((SELECT"
            + " MIN(t.lot_expiry) FROM point_transaction t WHERE t.user_id = a.user_id AND t.lot_expiry IS NOT NULL),"
            + " TIMESTAMP '9999-12-31 23:59:59'), a.last_sync_at = COALESCE((SELECT MAX(t.created_at) FROM"
            + " point_transaction t WHERE t.user_id = a.user_id AND t.source = 'sync'), TIMESTAMP '1970-01-01 00:00:00')";

    /** A lot while the member's history is simulated. */
    private static final class Lot {
        final long id;
        final Instant expiresAt;
        int remaining;

        Lot(long id, Instant expiresAt, int remaining) {
            this.id = id;
            this.expiresAt = expiresAt;
            this.remaining = remaining;
        }
    }

    private void member(long userId, int events, Instant now, SplittableRandom random) throws SQLException {
        List<Instant> times = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            times.add(now.minus(HISTORY).plusMillis((long) (random.nextDouble() * (HISTORY.toMillis() - 3_600_000))));
        }
        times.sort(Comparator.naturalOrder());
        Instant joined = times.get(0).minus(Duration.ofDays(1));
        memberRows.add("(" + userId + ", 'member" + userId + "@example.test', 'Member " + userId + "', 'active', "
                + (random.nextInt(10) == 0
                        ? "'19" + (60 + random.nextInt(40)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                                + "'"
                        : "NULL")
                + ", " + time(joined) + ", " + time(joined) + ")");
        List<Lot> lots = new ArrayList<>();
        long balance = 0;
        long earned = 0;
        long redeemed = 0;
        long expired = 0;
        long pending = 0;
        Instant last = joined;
        for (Instant at : times) {
            long expiredNow = expireDue(userId, lots, at);
            balance -= expiredNow;
            expired += expiredNow;
            last = at;
            if (balance < 20 || random.nextInt(10) < 6) {
                int points = 10 + random.nextInt(491);
                int kind = random.nextInt(100);
                String type = kind < 85 ? "earn" : kind < 88 ? "referral" : kind < 90 ? "birthday" : "adjust";
                Instant expires = random.nextInt(10) == 0 ? null : at.plus(LOT_LIFE);
                String orderId = null;
                String orderKey = null;
                if ("earn".equals(type) && random.nextInt(10) < 7) {
                    orderKey = Long.toString(nextOrder++);
                    orderId = "WC-" + orderKey;
                }
                boolean held = orderId != null && at.isAfter(now.minus(Duration.ofDays(7))) && random.nextInt(10) < 3;
                long id = nextTransactionId++;
                Lot lot = held ? null : new Lot(id, expires, points);
                String description = orderId != null
                        ? "Order " + orderId
                        : "earn".equals(type) ? "Check-in bonus" : "adjust".equals(type) ? "Goodwill" : type;
                row(
                        id,
                        userId,
                        type,
                        points,
                        description,
                        orderId,
                        orderKey,
                        at,
                        expires,
                        held ? at.plus(Duration.ofDays(14)) : null,
                        points,
                        held ? "pending" : "available",
                        held ? "webhook" : orderId != null ? "rest" : "admin",
                        orderId != null && !held ? "earn:" + orderKey : null,
                        lot);
                if (held) {
                    pending += points;
                } else {
                    lots.add(lot);
                    balance += points;
                    if ("earn".equals(type)) {
                        earned += points;
                    }
                }
            } else {
                int points = 10 + random.nextInt((int) Math.min(balance, 1_000) - 9);
                long id = nextTransactionId++;
                row(
                        id,
                        userId,
                        "redeem",
                        points,
                        "Redeemed at checkout",
                        null,
                        null,
                        at,
                        null,
                        null,
                        0,
                        "available",
                        "rest",
                        null,
                        null);
                consume(id, lots, points, at, l -> true);
                balance -= points;
                redeemed += points;
            }
        }
        for (Lot lot : lots) {
            if (lot.remaining > 0 && lot.expiresAt != null && !lot.expiresAt.isAfter(now)) {
                dueLots++;
            }
        }
        accountRows.add("(" + userId + ", " + balance + ", " + earned + ", " + redeemed + ", " + expired + ", "
                + pending + ", " + time(last) + ", " + events + ")");
        writeMemberLedger();
        flushWhenFull();
    }

    /** One {@code expire} row for every lot due at {@code at}, as each write use case does first. */
    private long expireDue(long userId, List<Lot> lots, Instant at) throws SQLException {
        long due = 0;
        for (Lot lot : lots) {
            if (lot.remaining > 0 && lot.expiresAt != null && !lot.expiresAt.isAfter(at)) {
                due += lot.remaining;
            }
        }
        if (due == 0) {
            return 0;
        }
        long id = nextTransactionId++;
        row(
                id,
                userId,
                "expire",
                (int) due,
                "Points expired",
                null,
                null,
                at,
                null,
                null,
                0,
                "available",
                "job",
                null,
                null);
        consume(id, lots, (int) due, at, lot -> lot.expiresAt != null && !lot.expiresAt.isAfter(at));
        lots.removeIf(lot -> lot.remaining == 0);
        return due;
    }

    /** Takes {@code points} from the matching lots, soonest expiry first (never-expiring last), oldest first. */
    private void consume(long debitId, List<Lot> lots, int points, Instant at, java.util.function.Predicate<Lot> which)
            throws SQLException {
        List<Lot> order = lots.stream()
                .filter(lot -> lot.remaining > 0 && which.test(lot))
                .sorted(Comparator.comparing((Lot lot) -> lot.expiresAt == null ? Instant.MAX : lot.expiresAt)
                        .thenComparingLong(lot -> lot.id))
                .toList();
        int left = points;
        for (Lot lot : order) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, lot.remaining);
            lot.remaining -= take;
            left -= take;
            allocationRows.add("(" + debitId + ", " + lot.id + ", " + take + ", 0, " + time(at) + ")");
            allocations++;
        }
        if (left != 0) {
            throw new IllegalStateException("debit " + debitId + " found " + (points - left) + " of " + points);
        }
        lots.removeIf(lot -> lot.remaining == 0);
    }

    /** A ledger row of the member being simulated; a credit's remaining is read from its lot when written. */
    private record Row(
            long id,
            long userId,
            String type,
            int points,
            String description,
            String orderId,
            String orderKey,
            Instant created,
            Instant expires,
            Instant release,
            int remaining,
            String status,
            String source,
            String clientOrderKey,
            Lot lot) {}

    private final List<Row> memberLedger = new ArrayList<>();

    private void writeMemberLedger() {
        for (Row r : memberLedger) {
            int remaining = r.lot() == null ? r.remaining() : r.lot().remaining;
            transactionRows.add("(" + r.id() + ", " + r.userId() + ", '" + r.type() + "', " + r.points() + ", '"
                    + r.description() + "', " + text(r.orderId()) + ", " + text(r.orderKey()) + ", " + time(r.created())
                    + ", " + time(r.expires()) + ", " + time(r.release()) + ", " + remaining + ", '" + r.status()
                    + "', '" + r.source() + "', 'system', " + text(r.clientOrderKey()) + ")");
        }
        written += memberLedger.size();
        memberLedger.clear();
    }

    private void row(
            long id,
            long userId,
            String type,
            int points,
            String description,
            String orderId,
            String orderKey,
            Instant created,
            Instant expires,
            Instant release,
            int remaining,
            String status,
            String source,
            String clientOrderKey,
            Lot lot) {
        memberLedger.add(new Row(
                id,
                userId,
                type,
                points,
                description,
                orderId,
                orderKey,
                created,
                expires,
                release,
                remaining,
                status,
                source,
                clientOrderKey,
                lot));
    }

    private static String text(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String time(Instant instant) {
        return instant == null
                ? "NULL"
                : "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SQL_TIME) + "'";
    }

    private void flushWhenFull() throws SQLException {
        for (Batch batch : List.of(memberRows, accountRows, transactionRows, allocationRows)) {
            if (batch.rows >= ROWS_PER_INSERT) {
                // Members and accounts first: rows of the ledger refer to them.
                flushAll();
                return;
            }
        }
    }

    private void flushAll() throws SQLException {
        for (Batch batch : List.of(memberRows, accountRows, transactionRows, allocationRows)) {
            if (batch.rows > 0) {
                try (Statement insert = connection.createStatement()) {
                    insert.execute(batch.sql.toString());
                }
                batch.clear();
                if (++statementsSinceCommit >= INSERTS_PER_COMMIT) {
                    connection.commit();
                    statementsSinceCommit = 0;
                }
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One multi-row INSERT being built. */
    private static final class Batch {
        private final String head;
        final StringBuilder sql = new StringBuilder(256 * ROWS_PER_INSERT);
        int rows;

        Batch(String head) {
            this.head = head;
            sql.append(head);
        }

        void add(String values) {
            if (rows > 0) {
                sql.append(',');
            }
            sql.append(values);
            rows++;
        }

        void clear() {
            sql.setLength(0);
            sql.append(head);
            rows = 0;
        }
    }
}
