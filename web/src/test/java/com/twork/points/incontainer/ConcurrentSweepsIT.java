package com.twork.points.incontainer;

import static com.twork.points.incontainer.ContainerSql.connection;
import static com.twork.points.incontainer.ContainerSql.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.expiry.control.ExpirySweeper;
import com.twork.points.expiry.control.SweepResult;
import com.twork.points.it.ContainerDatabase;
import com.twork.points.security.control.KeyHashing;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §6.1 under pressure, with two server instances on one database (this Arquillian Payara and the shared
 * test server): two sweeps run at once here while live earns and redeems hit the other instance for the same
 * members. Afterwards every member's due points were expired exactly once and the §2 invariant holds for all.
 */
@ExtendWith({ContainerDatabase.class, ArquillianExtension.class})
class ConcurrentSweepsIT {
    private static final int MEMBERS = 300;
    private static final int DUE_LOTS = 3;

    @Inject
    ExpirySweeper sweeper;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("twork.it.war")))
                .addClasses(ConcurrentSweepsIT.class, ContainerDatabase.class, ContainerSql.class);
    }

    @Test
    void twoSweepsAndLiveTrafficExpireEachRemainderOnce() throws Exception {
        long firstMember = 400_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 1_000L;
        String[] key = seed(firstMember);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicBoolean sweeping = new AtomicBoolean(true);
        AtomicInteger liveOk = new AtomicInteger();
        try {
            List<Future<?>> traffic = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                traffic.add(pool.submit(() -> {
                    HttpClient client = HttpClient.newHttpClient();
                    while (sweeping.get()) {
                        long member = firstMember + ThreadLocalRandom.current().nextInt(MEMBERS);
                        boolean earn = ThreadLocalRandom.current().nextBoolean();
                        String body = "{\"user_id\": " + member + ", \"points\": " + (earn ? 7 : 3) + "}";
                        HttpResponse<String> response = client.send(
                                HttpRequest.newBuilder(URI.create(System.getProperty("twork.it.shared-server")
                                                + "/wp-json/twork/v1/points/" + (earn ? "earn" : "redeem")))
                                        .header(
                                                "Authorization",
                                                "Basic "
                                                        + Base64.getEncoder()
                                                                .encodeToString((key[0] + ":" + key[1])
                                                                        .getBytes(StandardCharsets.UTF_8)))
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "X-Forwarded-For",
                                                "10.9.9."
                                                        + (1
                                                                + ThreadLocalRandom.current()
                                                                        .nextInt(250)))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertTrue(
                                response.statusCode() == 200 || response.body().contains("insufficient_points"),
                                response.body());
                        liveOk.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<SweepResult> first = pool.submit(sweeper::sweep);
            Future<SweepResult> second = pool.submit(sweeper::sweep);
            SweepResult a = first.get();
            SweepResult b = second.get();
            Thread.sleep(300);
            sweeping.set(false);
            for (Future<?> running : traffic) {
                running.get();
            }
            assertTrue(a.members() + b.members() > 0, "the sweeps did expire something: " + a + " / " + b);
            assertTrue(liveOk.get() > 0, "live traffic ran during the sweeps");
        } finally {
            sweeping.set(false);
            pool.shutdownNow();
        }
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM point_transaction WHERE user_id BETWEEN ? AND ? AND lot_expiry <= UTC_TIMESTAMP(6)",
                        firstMember,
                        firstMember + MEMBERS),
                "nothing due is left");
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM (SELECT user_id FROM point_transaction WHERE user_id BETWEEN ? AND ?"
                                + " AND type = 'expire' GROUP BY user_id HAVING COUNT(*) <> 1 OR SUM(points) <> ?) wrong",
                        firstMember,
                        firstMember + MEMBERS,
                        DUE_LOTS * 10),
                "each member's due remainder expired exactly once");
        assertEquals(
                0,
                count(
                        "SELECT COUNT(*) FROM point_account a WHERE a.user_id BETWEEN ? AND ? AND (a.balance < 0"
                                + " OR a.balance <> (SELECT COALESCE(SUM(t.remaining), 0) FROM point_transaction t"
                                + "   WHERE t.user_id = a.user_id AND t.status = 'available')"
                                + " OR a.balance <> (SELECT COALESCE(SUM(CASE WHEN t.type IN ('redeem', 'expire') THEN -t.points"
                                + "   ELSE t.points END), 0) FROM point_transaction t WHERE t.user_id = a.user_id"
                                + "   AND t.status = 'available'))",
                        firstMember,
                        firstMember + MEMBERS),
                "the invariant holds for every member");
    }

    /** Members with three due lots of 10 and one live lot of 100; an API key for the traffic. */
    private static String[] seed(long firstMember) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement member = connection.prepareStatement(
                            "INSERT INTO member (user_id, status, created_at, updated_at) VALUES (?, 'active', ?, ?)");
                    PreparedStatement account = connection.prepareStatement(
                            "INSERT INTO point_account (user_id, balance, lifetime_earned, updated_at) VALUES (?, ?, ?, ?)");
                    PreparedStatement lot = connection.prepareStatement("INSERT INTO point_transaction (user_id, type,"
                            + " points, created_at, expires_at, remaining, status, source, actor)"
                            + " VALUES (?, 'earn', ?, ?, ?, ?, 'available', 'admin', 'test')")) {
                for (long id = firstMember; id < firstMember + MEMBERS; id++) {
                    member.setLong(1, id);
                    member.setObject(2, now);
                    member.setObject(3, now);
                    member.addBatch();
                    int total = DUE_LOTS * 10 + 100;
                    account.setLong(1, id);
                    account.setLong(2, total);
                    account.setLong(3, total);
                    account.setObject(4, now);
                    account.addBatch();
                    for (int i = 0; i < DUE_LOTS; i++) {
                        addLot(lot, id, 10, now.minusDays(40), now.minusDays(1).minusMinutes(i));
                    }
                    addLot(lot, id, 100, now.minusDays(1), now.plus(Duration.ofDays(200)));
                }
                member.executeBatch();
                account.executeBatch();
                lot.executeBatch();
            }
            String consumerKey = KeyHashing.newConsumerKey();
            String consumerSecret = KeyHashing.newConsumerSecret();
            try (PreparedStatement apiKey = connection.prepareStatement("INSERT INTO api_key (description, permissions,"
                    + " consumer_key_hash, consumer_secret_hash, truncated_key, created_at, created_by)"
                    + " VALUES ('sweep traffic', 'read_write', ?, ?, ?, ?, 'test')")) {
                apiKey.setString(1, KeyHashing.consumerKeyHash(consumerKey));
                apiKey.setString(2, KeyHashing.secretHash(consumerSecret));
                apiKey.setString(3, KeyHashing.truncated(consumerKey));
                apiKey.setObject(4, now);
                apiKey.executeUpdate();
            }
            connection.commit();
            return new String[] {consumerKey, consumerSecret};
        }
    }

    private static void addLot(PreparedStatement lot, long id, int points, LocalDateTime created, LocalDateTime expires)
            throws Exception {
        lot.setLong(1, id);
        lot.setInt(2, points);
        lot.setObject(3, created);
        lot.setObject(4, expires);
        lot.setInt(5, points);
        lot.addBatch();
    }
}
