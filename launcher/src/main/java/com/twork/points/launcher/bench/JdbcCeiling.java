package com.twork.points.launcher.bench;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The database's own ceiling for each operation: the statements the application sends for it (taken from MariaDB's
 * general log of one request each: the key lookup, the member, the account lock, the due-lot scan, the order,
 * pairing and lot queries, the inserts and updates; not the key lookup, which the server answers from its key cache),
 * in the same transactions, on the same MariaDB, from as many
 * threads as the application's pool has connections (32) at most, with no HTTP, JSON, JPA or container in between.
 */
final class JdbcCeiling {
    static final int POOL_SIZE = 32;
    private static final String ROW_COLUMNS = "pt1_0.id,pt1_0.actor,pt1_0.bonus_key,pt1_0.client_order_key,"
            + "pt1_0.client_ref,pt1_0.created_at,pt1_0.description,pt1_0.expires_at,pt1_0.lot_expiry,pt1_0.order_id,"
            + "pt1_0.order_key,pt1_0.paired,pt1_0.points,pt1_0.referred_user_id,pt1_0.release_at,pt1_0.remaining,"
            + "pt1_0.reverses_id,pt1_0.source,pt1_0.status,pt1_0.type,pt1_0.uncollectable,pt1_0.user_id";
    private static final String MEMBER = "select m1_0.user_id,m1_0.birthday,m1_0.created_at,m1_0.display_name,"
            + "m1_0.email,m1_0.status,m1_0.updated_at from member m1_0 where m1_0.user_id=?";
    private static final String LOCK_ACCOUNT = "select pa1_0.user_id,pa1_0.balance,pa1_0.lifetime_earned,"
            + "pa1_0.lifetime_expired,pa1_0.lifetime_redeemed,pa1_0.pending,pa1_0.updated_at,pa1_0.version from"
            + " point_account pa1_0 where pa1_0.user_id=? for update";
    private static final String DUE_LOTS = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.lot_expiry<=? order by pt1_0.lot_expiry,pt1_0.id for update";
    private static final String OPEN_LOTS = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.lot_expiry>? order by pt1_0.lot_expiry,pt1_0.id for update";
    private static final String BY_ORDER = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.client_order_key=?";
    private static final String BY_CLIENT_REF =
            "select " + ROW_COLUMNS + " from point_transaction pt1_0 where" + " pt1_0.user_id=? and pt1_0.client_ref=?";
    private static final String PAIRING = "select " + ROW_COLUMNS + " from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.source=? and pt1_0.paired=0 and pt1_0.type=? and pt1_0.points=? and"
            + " pt1_0.created_at>=? order by pt1_0.id";
    private static final String INSERT_ROW = "insert into point_transaction (actor,bonus_key,client_order_key,"
            + "client_ref,created_at,description,expires_at,order_id,order_key,paired,points,referred_user_id,"
            + "release_at,remaining,reverses_id,source,status,type,uncollectable,user_id) values"
            + " (?,null,?,?,?,?,?,?,?,0,?,null,null,?,null,?,'available',?,0,?)";
    private static final String UPDATE_ACCOUNT = "update point_account set balance=?,lifetime_earned=?,"
            + "lifetime_expired=?,lifetime_redeemed=?,pending=?,updated_at=?,version=? where user_id=? and version=?";
    private static final String INSERT_ALLOCATION =
            "insert into point_allocation (created_at,debit_id,lot_id,points,restored) values (?,?,?,?,0)";
    private static final String UPDATE_LOT = "update point_transaction set client_ref=?,paired=?,release_at=null,"
            + "remaining=?,status='available' where id=?";
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
    private static final String IDS_IN =
            "select pt1_0.id from point_transaction pt1_0 where pt1_0.user_id=? and" + " pt1_0.id in (%s)";
    private static final String REFS_IN = "select pt1_0.client_ref,pt1_0.id from point_transaction pt1_0 where"
            + " pt1_0.user_id=? and pt1_0.client_ref in (%s)";

    record Target(long firstMember, long lastMember, long heavyMember, int deepPage, String keyHash, String run) {}

    /** Throughput and latency of one operation at one concurrency. */
    record Measured(long operations, double seconds, long errors, long[] latenciesMicros) {
        double perSecond() {
            return operations / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[
                    Math.min(latenciesMicros.length - 1, (int) Math.ceil(p / 100 * latenciesMicros.length) - 1)];
        }
    }

    private final Supplier<Connection> connections;
    private final Target target;
    private final AtomicLong sequence = new AtomicLong();

    JdbcCeiling(Supplier<Connection> connections, Target target) {
        this.connections = connections;
        this.target = target;
    }

    Measured measure(String operation, int clients, Duration duration) throws InterruptedException {
        int threads = Math.min(clients, POOL_SIZE);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[2_000_000];
            int[] count = new int[1];
            perThread.add(latencies);
            counts.add(count);
            workers.add(new Thread(() -> {
                try (Connection connection = connections.get()) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        try {
                            run(operation, connection);
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            try {
                                connection.rollback();
                            } catch (SQLException ignored) {
                                // the connection is judged by the next operation
                            }
                        }
                        if (count[0] < latencies.length) {
                            latencies[count[0]++] = (System.nanoTime() - started) / 1_000;
                        }
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        long started = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = counts.stream().mapToLong(c -> c[0]).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts.get(t)[0]);
            at += counts.get(t)[0];
        }
        Arrays.sort(all);
        return new Measured(total, seconds, errors.get(), all);
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

    /** The account row as locked: balance, earned, expired, redeemed, pending, version. */
    private static long[] lockAccount(Connection connection, long member) throws SQLException {
        try (PreparedStatement lock = prepare(connection, LOCK_ACCOUNT, member);
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no account for " + member);
            }
            return new long[] {
                row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(8)
            };
        }
    }

    private void earn(Connection connection, long member) throws SQLException {
        connection.setAutoCommit(false);
        query(connection, MEMBER, member);
        credit(
                connection,
                member,
                "B" + target.run() + sequence.incrementAndGet(),
                null,
                "Benchmark order",
                1 + ThreadLocalRandom.current().nextInt(200));
        connection.commit();
    }

    /** Inside a transaction: lock, due lots, order or client-ref lookup, pairing (sync), insert, account update. */
    private void credit(
            Connection connection, long member, String orderId, String clientRef, String description, int points)
            throws SQLException {
        long[] account = lockAccount(connection, member);
        query(connection, DUE_LOTS, member, now());
        creditLocked(connection, member, account, orderId, clientRef, description, points);
    }

    /** The part of a credit after the account is locked and its due lots are expired; advances {@code account}. */
    private static void creditLocked(
            Connection connection,
            long member,
            long[] account,
            String orderId,
            String clientRef,
            String description,
            int points)
            throws SQLException {
        Timestamp now = now();
        if (orderId != null) {
            query(connection, BY_ORDER, member, "earn:" + orderId);
        } else {
            query(connection, BY_CLIENT_REF, member, clientRef);
            query(
                    connection,
                    PAIRING,
                    member,
                    "rest",
                    "earn",
                    points,
                    Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        }
        update(
                connection,
                INSERT_ROW,
                "key:bench",
                orderId == null ? null : "earn:" + orderId,
                clientRef,
                now,
                description,
                Timestamp.from(Instant.now().plus(Duration.ofDays(365))),
                orderId,
                orderId,
                points,
                points,
                orderId == null ? "sync" : "rest",
                "earn",
                member);
        update(
                connection,
                UPDATE_ACCOUNT,
                account[0] + points,
                account[1] + points,
                account[2],
                account[3],
                account[4],
                now,
                account[5] + 1,
                member,
                account[5]);
        account[0] += points;
        account[1] += points;
        account[5] += 1;
    }

    private void redeem(Connection connection, long member) throws SQLException {
        connection.setAutoCommit(false);
        query(connection, MEMBER, member);
        long[] account = lockAccount(connection, member);
        Timestamp now = now();
        query(connection, DUE_LOTS, member, now);
        query(
                connection,
                PAIRING,
                member,
                "sync",
                "redeem",
                1,
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        long lotId = 0;
        int lotRemaining = 0;
        try (PreparedStatement open = prepare(connection, OPEN_LOTS, member, now);
                ResultSet lots = open.executeQuery()) {
            while (lots.next()) {
                if (lotId == 0 && lots.getInt(16) > 0) {
                    lotId = lots.getLong(1);
                    lotRemaining = lots.getInt(16);
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
        update(
                connection,
                UPDATE_ACCOUNT,
                account[0] - 1,
                account[1],
                account[2],
                account[3] + 1,
                account[4],
                now,
                account[5] + 1,
                member,
                account[5]);
        update(connection, UPDATE_LOT, null, false, lotRemaining - 1, lotId);
        connection.commit();
    }

    private void sync(Connection connection, long member, int items) throws SQLException {
        connection.setAutoCommit(false);
        query(connection, MEMBER, member);
        connection.commit();
        connection.setAutoCommit(true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(target.run() + String.format("%012d", sequence.incrementAndGet()));
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        List<Object> idParameters = new ArrayList<>();
        idParameters.add(member);
        idParameters.addAll(ids.stream().map(Long::parseLong).toList());
        query(connection, String.format(IDS_IN, marks), idParameters.toArray());
        List<Object> refParameters = new ArrayList<>();
        refParameters.add(member);
        refParameters.addAll(ids);
        query(connection, String.format(REFS_IN, marks), refParameters.toArray());
        // The whole batch is one transaction: lock and due lots once, then each item's lookups and writes.
        connection.setAutoCommit(false);
        long[] account = lockAccount(connection, member);
        query(connection, DUE_LOTS, member, now());
        for (String id : ids) {
            creditLocked(
                    connection,
                    member,
                    account,
                    null,
                    id,
                    "Benchmark check-in",
                    1 + ThreadLocalRandom.current().nextInt(20));
        }
        connection.commit();
        connection.setAutoCommit(true);
        Timestamp now = now();
        query(connection, BALANCE, now, now, Timestamp.from(Instant.now().plus(Duration.ofDays(30))), member);
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
