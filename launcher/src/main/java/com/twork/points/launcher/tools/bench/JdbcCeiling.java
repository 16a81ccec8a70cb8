package com.twork.points.launcher.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The database's own ceiling for each operation: the statements the application sends for it (taken from MariaDB's
 * general log of one request each, {@code ./twork statements}: the account lock with the member's status and the
 * order's row, the due-lot scan when the account's next expiry does not rule it out, pairing and lot queries, the
 * inserts and updates; not the key lookup, which the server answers from its key cache), in the same transactions,
 * on the same MariaDB, from as many threads as the application's pool has connections (32) at most, with no HTTP,
 * JSON, JPA or container in between. Like the application, it keeps the accounts' write hints (V13) true.
 */
final class JdbcCeiling {
    private static final String ROW_COLUMNS = "pt1_0.id,pt1_0.actor,pt1_0.bonus_key,pt1_0.client_order_key,"
            + "pt1_0.client_ref,pt1_0.created_at,pt1_0.description,pt1_0.expires_at,pt1_0.lot_expiry,pt1_0.order_id,"
            + "pt1_0.order_key,pt1_0.paired,pt1_0.points,pt1_0.referred_user_id,pt1_0.release_at,pt1_0.remaining,"
            + "pt1_0.reverses_id,pt1_0.source,pt1_0.status,pt1_0.type,pt1_0.uncollectable,pt1_0.user_id";
    private static final String MEMBER = "select m1_0.user_id,m1_0.birthday,m1_0.created_at,m1_0.display_name,"
            + "m1_0.email,m1_0.status,m1_0.updated_at from member m1_0 where m1_0.user_id=?";
    /** /earn and /redeem: the account locked, with the member's status and the order's row (AccountLedger). */
    private static final String LOCK_FOR_WRITE = "SELECT a.*, (SELECT m.status FROM member m WHERE m.user_id ="
            + " a.user_id) AS member_status, (SELECT t.id FROM point_transaction t WHERE t.user_id = a.user_id AND"
            + " t.client_order_key = ?) AS order_row FROM point_account a WHERE a.user_id = ? FOR UPDATE";
    /** /sync: the account locked as Hibernate loads it. */
    private static final String LOCK_ACCOUNT = "select pa1_0.user_id,pa1_0.balance,pa1_0.last_sync_at,"
            + "pa1_0.lifetime_earned,pa1_0.lifetime_expired,pa1_0.lifetime_redeemed,pa1_0.next_expiry,pa1_0.pending,"
            + "pa1_0.updated_at,pa1_0.version from point_account pa1_0 where pa1_0.user_id=? for update";

    private static final String OPEN_LOTS = "SELECT * FROM point_transaction FORCE INDEX"
            + " (ix_point_transaction_open_lots) WHERE user_id = ? AND lot_expiry IS NOT NULL ORDER BY lot_expiry, id";
    private static final String PAIRING = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.source=? and pt1_0.paired=0 and pt1_0.type=? and pt1_0.points=? and"
            + " pt1_0.created_at>=? order by pt1_0.id";
    private static final String PAIRING_POOL = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.source='rest' and pt1_0.paired=0 and pt1_0.type in ('earn','refund','adjust')"
            + " and pt1_0.order_key is null and pt1_0.created_at>=? order by pt1_0.id";
    private static final String INSERT_ROW = "insert into point_transaction (actor,bonus_key,client_order_key,"
            + "client_ref,created_at,description,expires_at,idempotency_scope,order_id,order_key,paired,points,"
            + "referred_user_id,release_at,remaining,reverses_id,source,status,type,uncollectable,user_id) values"
            + " (?,null,?,null,?,?,?,null,?,?,0,?,null,null,?,null,?,'available',?,0,?)";
    private static final String INSERT_SYNC_ROWS = "INSERT INTO point_transaction (user_id, type, points,"
            + " description, created_at, expires_at, remaining, status, source, actor, client_ref) VALUES ";
    private static final String UPDATE_ACCOUNT = "update point_account set balance=?,last_sync_at=?,"
            + "lifetime_earned=?,lifetime_expired=?,lifetime_redeemed=?,next_expiry=?,pending=?,updated_at=?,version=?"
            + " where user_id=? and version=?";
    private static final String INSERT_ALLOCATION =
            "INSERT INTO point_allocation (created_at, debit_id, lot_id, points, restored) VALUES (?, ?, ?, ?, 0)";
    private static final String UPDATE_LOT = "update point_transaction set client_ref=?,idempotency_scope=?,"
            + "paired=?,release_at=?,remaining=?,status=? where id=?";
    private static final String BALANCE = "SELECT m.status, m.created_at, a.balance, a.lifetime_earned,"
            + " a.lifetime_redeemed, a.lifetime_expired, a.pending, a.updated_at, (SELECT COALESCE(SUM(t.remaining), 0)"
            + " FROM point_transaction t WHERE t.user_id = a.user_id AND t.lot_expiry <= ?), (SELECT"
            + " COALESCE(SUM(t.remaining), 0) FROM point_transaction t WHERE t.user_id = a.user_id AND t.lot_expiry > ?"
            + " AND t.lot_expiry <= ?) FROM member m LEFT JOIN point_account a ON a.user_id = m.user_id"
            + " WHERE m.user_id = ?";
    private static final String COUNT = "select count(pt1_0.id) from point_transaction pt1_0 where pt1_0.user_id=?"
            + " and pt1_0.status in ('available')";
    private static final String PAGE = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.status in ('available') order by pt1_0.created_at desc,pt1_0.id desc"
            + " limit ?,?";
    private static final String PAGE_IDS = "select pt1_0.id from point_transaction pt1_0 where pt1_0.user_id=? and"
            + " pt1_0.status in ('available') order by pt1_0.created_at desc,pt1_0.id desc limit ?,?";
    private static final String ROWS_BY_ID =
            "select " + ROW_COLUMNS + " from point_transaction pt1_0 where pt1_0.id in (%s)";
    private static final String KNOWN_IDS = "SELECT id, client_ref FROM point_transaction WHERE user_id = ? AND"
            + " client_ref IN (%s) UNION ALL SELECT id, NULL FROM point_transaction WHERE user_id = ? AND id IN (%s)";
    private static final String REFS_IN = "select pt1_0.client_ref,pt1_0.id from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.client_ref in (%s)";

    record Target(long firstMember, long lastMember, long heavyMember, int deepPage, String keyHash, String run) {}

    private final Supplier<Connection> connections;
    private final Target target;
    private final AtomicLong sequence = new AtomicLong();

    JdbcCeiling(Supplier<Connection> connections, Target target) {
        this.connections = connections;
        this.target = target;
    }

    JdbcLoad.Measured measure(String operation, int clients, Duration duration) throws InterruptedException {
        return JdbcLoad.measure(
                connections,
                clients,
                duration,
                connection -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED),
                connection -> run(operation, connection));
    }

    private void run(String operation, Connection connection) throws SQLException {
        long member = ThreadLocalRandom.current().nextLong(target.firstMember(), target.lastMember() + 1);
        switch (operation) {
            case "balance" -> balance(connection, member);
            case "transactions" -> page(connection, member, 1);
            case "deep" ->
                page(
                        connection,
                        target.heavyMember(),
                        Math.max(
                                1,
                                target.deepPage() - ThreadLocalRandom.current().nextInt(5)));
            case "earn" -> earn(connection, member);
            case "redeem" -> redeem(connection, member);
            case "sync10" -> sync(connection, member, 10);
            case "sync100" -> sync(connection, member, 100);
            default -> throw new IllegalArgumentException("No JDBC ceiling for " + operation);
        }
    }

    private void balance(Connection connection, long member) throws SQLException {
        connection.setAutoCommit(true);
        Timestamp now = now();
        query(connection, BALANCE, now, now, Timestamp.from(Instant.now().plus(Duration.ofDays(30))), member);
    }

    private void page(Connection connection, long member, int page) throws SQLException {
        connection.setAutoCommit(true);
        query(connection, MEMBER, member);
        query(connection, COUNT, member);
        int offset = (page - 1) * 20;
        if (offset < 100) {
            query(connection, PAGE, member, offset, 20);
            return;
        }
        // Deep pages, as the application reads them: the ids from the index, then those rows.
        List<Object> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, PAGE_IDS, member, offset, 20);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        if (!ids.isEmpty()) {
            query(
                    connection,
                    String.format(
                            ROWS_BY_ID,
                            String.join(",", ids.stream().map(id -> "?").toList())),
                    ids.toArray());
        }
    }

    /** An account row as the write read it; advanced by the ceiling's own writes. */
    private static final class Account {
        long balance;
        Timestamp lastSyncAt;
        long earned;
        long expired;
        long redeemed;
        Timestamp nextExpiry;
        long pending;
        long version;

        static Account read(ResultSet row) throws SQLException {
            Account account = new Account();
            account.balance = row.getLong("balance");
            account.lastSyncAt = row.getTimestamp("last_sync_at");
            account.earned = row.getLong("lifetime_earned");
            account.expired = row.getLong("lifetime_expired");
            account.redeemed = row.getLong("lifetime_redeemed");
            account.nextExpiry = row.getTimestamp("next_expiry");
            account.pending = row.getLong("pending");
            account.version = row.getLong("version");
            return account;
        }

        boolean mayHaveDueLots(Timestamp now) {
            return nextExpiry == null || !nextExpiry.after(now);
        }

        /** The account update as Hibernate sends it (every column, version checked). */
        void update(Connection connection, long member, Timestamp now) throws SQLException {
            JdbcCeiling.update(
                    connection,
                    UPDATE_ACCOUNT,
                    balance,
                    lastSyncAt,
                    earned,
                    expired,
                    redeemed,
                    nextExpiry,
                    pending,
                    now,
                    version + 1,
                    member,
                    version);
            version++;
        }

        void lotOpened(Timestamp expiry) {
            if (nextExpiry != null && expiry.before(nextExpiry)) {
                nextExpiry = expiry;
            }
        }
    }

    private static Account lockForWrite(Connection connection, long member, String clientOrderKey) throws SQLException {
        try (PreparedStatement lock = prepare(connection, LOCK_FOR_WRITE, clientOrderKey, member);
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no account for " + member);
            }
            return Account.read(row);
        }
    }

    /** The due-lot scan, only when the account's next expiry does not rule it out (the ceiling expires nothing). */
    private static void dueScan(Connection connection, long member, Account account, Timestamp now)
            throws SQLException {
        if (account.mayHaveDueLots(now)) {
            query(connection, OPEN_LOTS, member);
        }
    }

    private void earn(Connection connection, long member) throws SQLException {
        connection.setAutoCommit(false);
        String orderId = "B" + target.run() + sequence.incrementAndGet();
        Account account = lockForWrite(connection, member, "earn:" + orderId);
        Timestamp now = now();
        dueScan(connection, member, account, now);
        int points = 1 + ThreadLocalRandom.current().nextInt(200);
        Timestamp expiresAt = Timestamp.from(Instant.now().plus(Duration.ofDays(365)));
        update(
                connection,
                INSERT_ROW,
                "key:bench",
                "earn:" + orderId,
                now,
                "Benchmark order",
                expiresAt,
                orderId,
                orderId,
                points,
                points,
                "rest",
                "earn",
                member);
        account.balance += points;
        account.earned += points;
        account.lotOpened(expiresAt);
        account.update(connection, member, now);
        connection.commit();
    }

    private void redeem(Connection connection, long member) throws SQLException {
        connection.setAutoCommit(false);
        Account account = lockForWrite(connection, member, "");
        Timestamp now = now();
        dueScan(connection, member, account, now);
        Timestamp since = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        if (account.lastSyncAt == null || !account.lastSyncAt.before(since)) {
            query(connection, PAIRING, member, "sync", "redeem", 1, since);
        }
        long lotId = 0;
        int lotRemaining = 0;
        try (PreparedStatement open = prepare(connection, OPEN_LOTS, member);
                ResultSet lots = open.executeQuery()) {
            while (lots.next()) {
                Timestamp expiry = lots.getTimestamp("lot_expiry");
                if (lotId == 0 && lots.getInt("remaining") > 0 && expiry.after(now)) {
                    lotId = lots.getLong("id");
                    lotRemaining = lots.getInt("remaining");
                }
            }
        }
        if (lotId == 0) {
            connection.rollback(); // insufficient points: the application answers 400 and writes nothing
            return;
        }
        long debitId;
        try (PreparedStatement insert =
                connection.prepareStatement(INSERT_ROW, PreparedStatement.RETURN_GENERATED_KEYS)) {
            bind(
                    insert,
                    "key:bench",
                    null,
                    now,
                    "Benchmark redemption",
                    null,
                    null,
                    null,
                    1,
                    0,
                    "rest",
                    "redeem",
                    member);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                debitId = keys.getLong(1);
            }
        }
        update(connection, INSERT_ALLOCATION, now, debitId, lotId, 1);
        account.balance -= 1;
        account.redeemed += 1;
        account.update(connection, member, now);
        update(connection, UPDATE_LOT, null, null, false, null, lotRemaining - 1, "available", lotId);
        connection.commit();
    }

    private void sync(Connection connection, long member, int items) throws SQLException {
        connection.setAutoCommit(true);
        query(connection, MEMBER, member);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(target.run() + String.format("%012d", sequence.incrementAndGet()));
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        List<Object> known = new ArrayList<>();
        known.add(member);
        known.addAll(ids);
        known.add(member);
        known.addAll(ids.stream().map(Long::parseLong).toList());
        query(connection, String.format(KNOWN_IDS, marks, marks), known.toArray());
        // The batch's transaction: lock, the ids again, the pairing candidates, one insert, the account.
        connection.setAutoCommit(false);
        Account account;
        try (PreparedStatement lock = prepare(connection, LOCK_ACCOUNT, member);
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no account for " + member);
            }
            account = Account.read(row);
        }
        Timestamp now = now();
        dueScan(connection, member, account, now);
        List<Object> refs = new ArrayList<>();
        refs.add(member);
        refs.addAll(ids);
        query(connection, String.format(REFS_IN, marks), refs.toArray());
        query(connection, PAIRING_POOL, member, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        Timestamp expiresAt = Timestamp.from(Instant.now().plus(Duration.ofDays(365)));
        StringBuilder insert = new StringBuilder(INSERT_SYNC_ROWS);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            int points = 1 + ThreadLocalRandom.current().nextInt(20);
            insert.append(i == 0 ? "" : ", ").append("(?, 'earn', ?, ?, ?, ?, ?, 'available', 'sync', ?, ?)");
            values.addAll(List.of(member, points, "Benchmark check-in", now, expiresAt, points, "key:bench"));
            values.add(ids.get(i));
            account.balance += points;
            account.earned += points;
        }
        insert.append(" RETURNING id");
        query(connection, insert.toString(), values.toArray());
        account.lotOpened(expiresAt);
        account.lastSyncAt = now;
        account.update(connection, member, now);
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static void query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
