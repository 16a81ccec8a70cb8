package com.twork.points.launcher.tools.bench;

import com.twork.points.ledger.entity.OrderKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Ceiling (c): the smallest transaction that keeps SPEC's rules (§2, §3.3-3.5, §5) for each write, written by hand in
 * raw JDBC, set-based and batched, on the schema the migrations define. It is what the application could reach if
 * every statement it sends were necessary:
 *
 * <ul>
 *   <li>one locking read answers member status and account ({@code member JOIN point_account ... FOR UPDATE});
 *   <li>the due-lot scan runs only when the account's {@code next_expiry} (V13) does not say nothing is due, or when
 *       that column does not exist yet; due lots found are expired with one debit, its allocations and one update;
 *   <li>an order id's uniqueness is decided by the unique key (insert, then handle the duplicate), not a lookup;
 *   <li>redeem reads its FIFO lots and its pairing twin in one query (the twin only when the account's
 *       {@code last_sync_at} (V13) does not rule one out) and writes debit, allocations, lots and account with one
 *       statement each;
 *   <li>a sync batch reads its echoes and pairing twins in one query and inserts its rows with one multi-row
 *       {@code INSERT ... RETURNING} (the ids the answer needs, without a second query);
 *   <li>every write ends with one account update and one commit; the connection stays in a transaction
 *       (autocommit off), so no {@code set autocommit} goes over the wire.
 * </ul>
 *
 * Lots are read without {@code FOR UPDATE}: every writer of a member's lots holds that member's account row first.
 * Checks that need no database (validation, the holding limit, the batch limit) are left out: they cost no round
 * trip. Order webhooks are not configured (as in the benchmark), so an earn with an order id is credited directly.
 */
final class MinimalTransactions {
    static final List<String> OPERATIONS = List.of("earn", "redeem", "sync10", "sync100");
    private static final LocalDateTime NEVER = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
    private static final String ACTOR = "key:bench";
    private static final int DUPLICATE_KEY = 1062;
    /** Member and account in one locking read; the V13 hints (or NULL before V13) always in columns 7 and 8. */
    private static final String LOCK = "SELECT m.status, a.balance, a.lifetime_earned, a.lifetime_redeemed,"
            + " a.lifetime_expired, a.pending, %s, %s FROM member m JOIN point_account a ON a.user_id = m.user_id"
            + " WHERE m.user_id = ? FOR UPDATE";

    private static final String CREATE_ACCOUNT =
            "INSERT IGNORE INTO point_account (user_id, updated_at) SELECT user_id, ? FROM member WHERE user_id = ?";
    private static final String DUE =
            "SELECT id, remaining, lot_expiry FROM point_transaction WHERE user_id = ? AND lot_expiry <= ?";
    /** The due lots, then one row (id NULL) with the earliest expiry left after them: the new next_expiry. */
    private static final String DUE_AND_NEXT = DUE + " UNION ALL SELECT NULL, NULL, MIN(lot_expiry)"
            + " FROM point_transaction WHERE user_id = ? AND lot_expiry > ?";

    private static final String ROW_COLUMNS = "user_id, type, points, description, order_id, order_key, created_at,"
            + " expires_at, remaining, status, source, actor, client_ref, client_order_key";
    private static final String ROW_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'available', ?, ?, ?, ?)";
    private static final String INSERT_ROW = "INSERT INTO point_transaction (" + ROW_COLUMNS + ") VALUES " + ROW_VALUES;
    private static final String BY_CLIENT_ORDER =
            "SELECT id, points FROM point_transaction WHERE user_id = ? AND client_order_key = ?";
    private static final String ALLOCATION_VALUES = "(?, ?, ?, 0, ?)";
    private static final String UPDATE_ACCOUNT = "UPDATE point_account SET balance = ?, lifetime_earned = ?,"
            + " lifetime_redeemed = ?, lifetime_expired = ?, updated_at = ?, version = version + 1%s WHERE user_id = ?";
    private static final String SPENDABLE = "(SELECT 0, id, remaining, lot_expiry FROM point_transaction"
            + " WHERE user_id = ? AND lot_expiry > ? ORDER BY lot_expiry, id LIMIT ?)";
    /** The soonest-expiring lots that cover the points, and an unpaired /sync twin of this redemption (§3.5). */
    private static final String SPENDABLE_AND_TWIN = SPENDABLE
            + " UNION ALL (SELECT 1, id, 0, NULL FROM point_transaction WHERE user_id = ? AND source = 'sync'"
            + " AND type = 'redeem' AND points = ? AND paired = 0 AND created_at >= ? AND description <=> ?"
            + " AND order_key IS NULL ORDER BY id LIMIT 1)";

    private static final String PAIR = "UPDATE point_transaction SET paired = 1 WHERE id = ?";

    record Target(long firstMember, long lastMember, long run) {}

    /** The business settings these transactions need, read once (the application caches them too). */
    record Rules(int expirationDays, int pairingWindowHours) {
        static Rules read(Connection connection) throws SQLException {
            Map<String, String> values = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name, value FROM setting"
                            + " WHERE name IN ('expiration_days', 'pairing_window_hours')")) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return new Rules(
                    Integer.parseInt(values.getOrDefault("expiration_days", "365")),
                    Integer.parseInt(values.getOrDefault("pairing_window_hours", "24")));
        }

        /** A new lot's expiry, or null for one that never expires (expiration_days 0). */
        LocalDateTime lotExpiry(LocalDateTime now) {
            return expirationDays == 0 ? null : now.plusDays(expirationDays);
        }
    }

    /** The locked account row, changed in memory and written back once at the end. */
    static final class Account {
        final long userId;
        long balance;
        long earned;
        long redeemed;
        long expired;
        final long pending;
        /** No open lot expires before this; null: unknown (or no next_expiry column). */
        LocalDateTime nextExpiry;
        /** When the newest /sync row was written; null: unknown (or no last_sync_at column). */
        LocalDateTime lastSyncAt;
        /** Whether anything above changed and the row must be written back. */
        boolean changed;

        Account(
                long userId,
                long balance,
                long earned,
                long redeemed,
                long expired,
                long pending,
                LocalDateTime nextExpiry,
                LocalDateTime lastSyncAt) {
            this.userId = userId;
            this.balance = balance;
            this.earned = earned;
            this.redeemed = redeemed;
            this.expired = expired;
            this.pending = pending;
            this.nextExpiry = nextExpiry;
            this.lastSyncAt = lastSyncAt;
        }

        /** Whether a row applied through /sync may lie inside the pairing window (SPEC §3.5). */
        boolean maySyncedSince(LocalDateTime since) {
            return lastSyncAt == null || !lastSyncAt.isBefore(since);
        }

        boolean nothingDueAt(LocalDateTime now) {
            return nextExpiry != null && nextExpiry.isAfter(now);
        }

        /** A new lot expiring at {@code lotExpiry} (null: never) lowers the bound if it expires sooner. */
        void addLot(LocalDateTime lotExpiry) {
            changed = true;
            if (nextExpiry != null) {
                nextExpiry = earliest(nextExpiry, lotExpiry == null ? NEVER : lotExpiry);
            }
        }
    }

    /** A sync item as bench/points.lua sends it: a new earn with the app's own id. */
    record Item(String id, int points, String description) {}

    private final Supplier<Connection> connections;
    private final Target target;
    private final Rules rules;
    private final boolean nextExpiryColumn;
    private final boolean lastSyncColumn;
    private final String lockSql;
    private final String updateAccountSql;
    private final AtomicLong sequence = new AtomicLong();

    private MinimalTransactions(
            Supplier<Connection> connections,
            Target target,
            Rules rules,
            boolean nextExpiryColumn,
            boolean lastSyncColumn) {
        this.connections = connections;
        this.target = target;
        this.rules = rules;
        this.nextExpiryColumn = nextExpiryColumn;
        this.lastSyncColumn = lastSyncColumn;
        this.lockSql = String.format(
                LOCK, nextExpiryColumn ? "a.next_expiry" : "NULL", lastSyncColumn ? "a.last_sync_at" : "NULL");
        this.updateAccountSql = String.format(
                UPDATE_ACCOUNT,
                (nextExpiryColumn ? ", next_expiry = ?" : "") + (lastSyncColumn ? ", last_sync_at = ?" : ""));
    }

    /**
     * Reads the settings and which of the account's write hints exist yet (migration V13: {@code next_expiry},
     * {@code last_sync_at}), once; without them every write scans for due lots and looks for a pairing twin.
     */
    static MinimalTransactions on(Supplier<Connection> connections, Target target) throws SQLException {
        try (Connection connection = connections.get()) {
            Set<String> columns = new HashSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND table_name = 'point_account'"
                            + " AND column_name IN ('next_expiry', 'last_sync_at')")) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return new MinimalTransactions(
                    connections,
                    target,
                    Rules.read(connection),
                    columns.contains("next_expiry"),
                    columns.contains("last_sync_at"));
        }
    }

    /** Which account hints (V13) the transactions use: for the report. */
    String hints() {
        if (nextExpiryColumn && lastSyncColumn) {
            return "point_account.next_expiry and last_sync_at";
        }
        return nextExpiryColumn ? "point_account.next_expiry" : "none (no V13 columns yet)";
    }

    JdbcLoad.Measured measure(String operation, int clients, Duration duration) throws InterruptedException {
        return JdbcLoad.measure(
                connections,
                clients,
                duration,
                connection -> {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(false);
                },
                connection -> run(operation, connection));
    }

    void run(String operation, Connection connection) throws SQLException {
        long member = ThreadLocalRandom.current().nextLong(target.firstMember(), target.lastMember() + 1);
        switch (operation) {
            case "earn" ->
                earn(connection, member, "C" + target.run() + "-" + sequence.incrementAndGet(), 1 + random(200));
            case "redeem" -> redeem(connection, member, 1, "Benchmark redemption C" + sequence.incrementAndGet());
            case "sync10" -> sync(connection, member, items(10));
            case "sync100" -> sync(connection, member, items(100));
            default -> throw new IllegalArgumentException("No minimal transaction for " + operation);
        }
    }

    /**
     * Item ids as the app's (digits), never equal to the HTTP load's or ceiling (a)'s: 19 digits starting with 9,
     * then the run and a sequence.
     */
    private List<Item> items(int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = 9_000_000_000_000_000_000L + target.run() * 1_000_000_000_000L + sequence.incrementAndGet();
            items.add(new Item(Long.toString(id), 1 + random(20), "Benchmark check-in"));
        }
        return items;
    }

    /** POST /earn with an order id: lock, [due lots], insert (the unique key decides a replay), account, commit. */
    void earn(Connection connection, long member, String orderId, int points) throws SQLException {
        Optional<Account> locked = lock(connection, member);
        if (locked.isEmpty()) {
            connection.rollback();
            return;
        }
        Account account = locked.get();
        LocalDateTime now = now();
        expireDue(connection, account, now);
        String orderKey = OrderKeys.normalise(orderId);
        String clientOrderKey = "earn:" + orderKey;
        LocalDateTime expiresAt = rules.lotExpiry(now);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROW)) {
            bindRow(
                    insert,
                    1,
                    member,
                    "earn",
                    points,
                    "Benchmark order",
                    orderId,
                    orderKey,
                    now,
                    expiresAt,
                    points,
                    "rest",
                    null,
                    clientOrderKey);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() != DUPLICATE_KEY) {
                throw e;
            }
            // The same order again: same points is a replay (the existing row), other points a 409. MariaDB undoes
            // only the failed statement, so what this transaction did before (due lots) still commits.
            replayedOrder(connection, member, clientOrderKey);
            finish(connection, account, now);
            return;
        }
        account.balance += points;
        account.earned += points;
        account.addLot(expiresAt);
        finish(connection, account, now);
    }

    /** POST /redeem without order id: lock, [due lots], lots + twin in one query, debit, allocations, lots. */
    void redeem(Connection connection, long member, int points, String description) throws SQLException {
        Optional<Account> locked = lock(connection, member);
        if (locked.isEmpty()) {
            connection.rollback();
            return;
        }
        Account account = locked.get();
        LocalDateTime now = now();
        expireDue(connection, account, now);
        // After the due lots are gone the balance is exactly what the spendable lots hold.
        if (account.balance < points) {
            finish(connection, account, now); // 400 insufficient_points: nothing of the redemption is written
            return;
        }
        LocalDateTime since = now.minusHours(rules.pairingWindowHours());
        boolean pairing = rules.pairingWindowHours() > 0 && account.maySyncedSince(since);
        List<long[]> lots = new ArrayList<>();
        Map<Long, LocalDateTime> lotExpiry = new HashMap<>();
        long twin = 0;
        try (PreparedStatement query = connection.prepareStatement(pairing ? SPENDABLE_AND_TWIN : SPENDABLE)) {
            query.setLong(1, member);
            query.setObject(2, now);
            query.setInt(3, points);
            if (pairing) {
                query.setLong(4, member);
                query.setInt(5, points);
                query.setObject(6, since);
                query.setString(7, description);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(1) == 1) {
                        twin = rows.getLong(2);
                    } else {
                        lots.add(new long[] {rows.getLong(2), rows.getInt(3)});
                        lotExpiry.put(rows.getLong(2), rows.getObject(4, LocalDateTime.class));
                    }
                }
            }
        }
        if (twin != 0) {
            // The app's offline queue replays a redemption /sync already applied: answer with that row (§3.5).
            execute(connection, PAIR, twin);
            finish(connection, account, now);
            return;
        }
        // A UNION keeps no order across its parts: FIFO is soonest expiry first, then oldest.
        lots.sort(Comparator.comparing((long[] lot) -> lotExpiry.get(lot[0])).thenComparingLong(lot -> lot[0]));
        List<long[]> taken = new ArrayList<>(); // lot id, points taken, remaining after
        int left = points;
        for (long[] lot : lots) {
            if (left == 0) {
                break;
            }
            int take = (int) Math.min(left, lot[1]);
            taken.add(new long[] {lot[0], take, lot[1] - take});
            left -= take;
        }
        if (left > 0) {
            finish(connection, account, now);
            return;
        }
        long debit = insertDebit(connection, member, "redeem", points, description, now);
        allocate(connection, debit, taken, now);
        consume(connection, taken);
        account.balance -= points;
        account.redeemed += points;
        account.changed = true;
        finish(connection, account, now);
    }

    /**
     * POST /sync of new earn items: lock, [due lots], one query for echoes (item ids that are this member's row ids
     * or recorded client refs) and pairing twins, [one update pairing the twins], one multi-row insert returning the
     * new ids, account, commit.
     */
    void sync(Connection connection, long member, List<Item> items) throws SQLException {
        Optional<Account> locked = lock(connection, member);
        if (locked.isEmpty()) {
            connection.rollback();
            return;
        }
        Account account = locked.get();
        LocalDateTime now = now();
        expireDue(connection, account, now);
        Set<Long> rowIds = new HashSet<>();
        Set<String> refs = new HashSet<>();
        List<Twin> twins = new ArrayList<>();
        echoes(connection, member, items, now, rowIds, refs, twins);
        Map<Long, String> paired = new HashMap<>();
        List<Item> applied = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Item item : items) {
            if (!inBatch.add(item.id()) || refs.contains(item.id()) || rowIds.contains(numeric(item.id()))) {
                continue; // duplicate: the app echoes a row it has (or the batch repeats an item)
            }
            Optional<Twin> twin = twins.stream()
                    .filter(t -> !paired.containsKey(t.id())
                            && t.points() == item.points()
                            && Objects.equals(t.description(), item.description()))
                    .findFirst();
            if (twin.isPresent()) {
                paired.put(twin.get().id(), item.id()); // duplicate: the same event posted through /earn before
            } else {
                applied.add(item);
            }
        }
        if (!paired.isEmpty()) {
            pair(connection, paired);
        }
        if (!applied.isEmpty()) {
            LocalDateTime expiresAt = rules.lotExpiry(now);
            insertItems(connection, member, applied, now, expiresAt);
            long total = applied.stream().mapToLong(Item::points).sum();
            account.balance += total;
            account.earned += total;
            account.addLot(expiresAt);
            account.lastSyncAt = now;
        }
        finish(connection, account, now);
    }

    /** An unpaired row posted through /earn that a sync item may be the echo of. */
    private record Twin(long id, int points, String description) {}

    private void echoes(
            Connection connection,
            long member,
            List<Item> items,
            LocalDateTime now,
            Set<Long> rowIds,
            Set<String> refs,
            List<Twin> twins)
            throws SQLException {
        List<Long> numericIds = items.stream()
                .map(item -> numeric(item.id()))
                .filter(id -> id > 0)
                .distinct()
                .toList();
        List<Integer> points =
                items.stream().map(Item::points).distinct().sorted().toList();
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!numericIds.isEmpty()) {
            parts.add("SELECT 'id', id, NULL, NULL, NULL FROM point_transaction WHERE user_id = ? AND id IN ("
                    + marks(numericIds.size()) + ")");
            parameters.add(member);
            parameters.addAll(numericIds);
        }
        parts.add("SELECT 'ref', id, client_ref, NULL, NULL FROM point_transaction WHERE user_id = ?"
                + " AND client_ref IN (" + marks(items.size()) + ")");
        parameters.add(member);
        items.forEach(item -> parameters.add(item.id()));
        if (rules.pairingWindowHours() > 0) {
            parts.add("SELECT 'twin', id, NULL, points, description FROM point_transaction WHERE user_id = ?"
                    + " AND source = 'rest' AND type = 'earn' AND points IN (" + marks(points.size()) + ")"
                    + " AND paired = 0 AND created_at >= ? AND order_key IS NULL");
            parameters.add(member);
            parameters.addAll(points);
            parameters.add(now.minusHours(rules.pairingWindowHours()));
        }
        try (PreparedStatement query = connection.prepareStatement(String.join(" UNION ALL ", parts))) {
            bind(query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "id" -> rowIds.add(rows.getLong(2));
                        case "ref" -> refs.add(rows.getString(3));
                        default -> twins.add(new Twin(rows.getLong(2), rows.getInt(4), rows.getString(5)));
                    }
                }
            }
        }
        twins.sort(Comparator.comparingLong(Twin::id)); // the oldest twin pairs first
    }

    private static void pair(Connection connection, Map<Long, String> paired) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder cases = new StringBuilder();
        paired.forEach((id, ref) -> {
            cases.append(" WHEN ? THEN ?");
            parameters.add(id);
            parameters.add(ref);
        });
        parameters.addAll(paired.keySet());
        try (PreparedStatement update = connection.prepareStatement("UPDATE point_transaction SET client_ref = CASE id"
                + cases + " END, paired = 1 WHERE id IN (" + marks(paired.size()) + ")")) {
            bind(update, parameters);
            update.executeUpdate();
        }
    }

    private static void insertItems(
            Connection connection, long member, List<Item> applied, LocalDateTime now, LocalDateTime expiresAt)
            throws SQLException {
        String values = String.join(", ", Collections.nCopies(applied.size(), ROW_VALUES));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO point_transaction (" + ROW_COLUMNS + ") VALUES " + values + " RETURNING id, client_ref")) {
            int at = 1;
            for (Item item : applied) {
                at = bindRow(
                        insert,
                        at,
                        member,
                        "earn",
                        item.points(),
                        item.description(),
                        null,
                        null,
                        now,
                        expiresAt,
                        item.points(),
                        "sync",
                        item.id(),
                        null);
            }
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    ids.getLong(1); // each item's transaction_id in the answer
                }
            }
        }
    }

    /**
     * Locks member and account in one read. Empty when the member is unknown (404) or inactive (403). A member
     * without an account row gets one first ({@code INSERT IGNORE}): a lock on a missing row locks nothing.
     */
    private Optional<Account> lock(Connection connection, long member) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement lock = connection.prepareStatement(lockSql)) {
                lock.setLong(1, member);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next()) {
                        if (!"active".equals(row.getString(1))) {
                            return Optional.empty();
                        }
                        return Optional.of(new Account(
                                member,
                                row.getLong(2),
                                row.getLong(3),
                                row.getLong(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getObject(7, LocalDateTime.class),
                                row.getObject(8, LocalDateTime.class)));
                    }
                }
            }
            try (PreparedStatement create = connection.prepareStatement(CREATE_ACCOUNT)) {
                create.setObject(1, now());
                create.setLong(2, member);
                if (create.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * SPEC §5.3: a write first expires the member's due lots, with one {@code expire} debit and an allocation per
     * lot. Skipped when {@code next_expiry} says no lot is due; otherwise the scan also yields the new bound.
     */
    private void expireDue(Connection connection, Account account, LocalDateTime now) throws SQLException {
        if (account.nothingDueAt(now)) {
            return;
        }
        List<long[]> due = new ArrayList<>();
        LocalDateTime next = null;
        try (PreparedStatement scan = connection.prepareStatement(nextExpiryColumn ? DUE_AND_NEXT : DUE)) {
            scan.setLong(1, account.userId);
            scan.setObject(2, now);
            if (nextExpiryColumn) {
                scan.setLong(3, account.userId);
                scan.setObject(4, now);
            }
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    if (rows.getObject(1) == null) {
                        next = rows.getObject(3, LocalDateTime.class);
                    } else {
                        due.add(new long[] {rows.getLong(1), rows.getLong(2)});
                    }
                }
            }
        }
        if (nextExpiryColumn) {
            account.nextExpiry = next == null ? NEVER : next;
            account.changed = true;
        }
        if (due.isEmpty()) {
            return;
        }
        int total = Math.toIntExact(due.stream().mapToLong(lot -> lot[1]).sum());
        long debit = insertDebit(connection, account.userId, "expire", total, "Points expired", now);
        List<long[]> taken =
                due.stream().map(lot -> new long[] {lot[0], lot[1], 0}).toList();
        allocate(connection, debit, taken, now);
        consume(connection, taken);
        account.balance -= total;
        account.expired += total;
        account.changed = true;
    }

    private long insertDebit(
            Connection connection, long member, String type, int points, String description, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ROW, Statement.RETURN_GENERATED_KEYS)) {
            bindRow(insert, 1, member, type, points, description, null, null, now, null, 0, "rest", null, null);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** One multi-row insert of the allocations: {@code taken} holds lot id, points taken, remaining after. */
    private static void allocate(Connection connection, long debit, List<long[]> taken, LocalDateTime now)
            throws SQLException {
        String values = String.join(", ", Collections.nCopies(taken.size(), ALLOCATION_VALUES));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO point_allocation (debit_id, lot_id, points, restored, created_at) VALUES " + values)) {
            int at = 1;
            for (long[] lot : taken) {
                insert.setLong(at++, debit);
                insert.setLong(at++, lot[0]);
                insert.setLong(at++, lot[1]);
                insert.setObject(at++, now);
            }
            insert.executeUpdate();
        }
    }

    /** One update of every lot touched: each one's new remaining. */
    private static void consume(Connection connection, List<long[]> taken) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder cases = new StringBuilder();
        for (long[] lot : taken) {
            cases.append(" WHEN ? THEN ?");
            parameters.add(lot[0]);
            parameters.add(lot[2]);
        }
        taken.forEach(lot -> parameters.add(lot[0]));
        try (PreparedStatement update = connection.prepareStatement("UPDATE point_transaction SET remaining = CASE id"
                + cases + " END WHERE id IN (" + marks(taken.size()) + ")")) {
            bind(update, parameters);
            update.executeUpdate();
        }
    }

    /** The existing row of a replayed order: its id is the answer (same points) or the 409's detail. */
    private static void replayedOrder(Connection connection, long member, String clientOrderKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_CLIENT_ORDER)) {
            query.setLong(1, member);
            query.setString(2, clientOrderKey);
            try (ResultSet row = query.executeQuery()) {
                row.next();
            }
        }
    }

    /** Writes the account back (totals, updated_at, version, the due bound) when it changed, and commits. */
    private void finish(Connection connection, Account account, LocalDateTime now) throws SQLException {
        if (!account.changed) {
            connection.commit();
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(updateAccountSql)) {
            int at = 1;
            update.setLong(at++, account.balance);
            update.setLong(at++, account.earned);
            update.setLong(at++, account.redeemed);
            update.setLong(at++, account.expired);
            update.setObject(at++, now);
            if (nextExpiryColumn) {
                update.setObject(at++, account.nextExpiry);
            }
            if (lastSyncColumn) {
                update.setObject(at++, account.lastSyncAt);
            }
            update.setLong(at, account.userId);
            update.executeUpdate();
        }
        connection.commit();
    }

    private static int bindRow(
            PreparedStatement statement,
            int first,
            long member,
            String type,
            int points,
            String description,
            String orderId,
            String orderKey,
            LocalDateTime createdAt,
            LocalDateTime expiresAt,
            int remaining,
            String source,
            String clientRef,
            String clientOrderKey)
            throws SQLException {
        int at = first;
        statement.setLong(at++, member);
        statement.setString(at++, type);
        statement.setInt(at++, points);
        statement.setString(at++, description);
        statement.setString(at++, orderId);
        statement.setString(at++, orderKey);
        statement.setObject(at++, createdAt);
        statement.setObject(at++, expiresAt);
        statement.setInt(at++, remaining);
        statement.setString(at++, source);
        statement.setString(at++, ACTOR);
        statement.setString(at++, clientRef);
        statement.setString(at++, clientOrderKey);
        return at;
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, List.of(parameters));
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** An item id that could be one of the member's row ids (digits that fit a BIGINT), else 0. */
    static long numeric(String id) {
        if (id.isEmpty() || id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
