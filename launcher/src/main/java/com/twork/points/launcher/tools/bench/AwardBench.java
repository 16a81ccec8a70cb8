package com.twork.points.launcher.tools.bench;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.Ports;
import com.twork.points.platform.control.SchemaMigrator;
import com.twork.points.rule.control.EarningRule;
import com.twork.points.rule.control.RuleDefinitions;
import com.twork.points.rule.control.RuleDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@code ./twork bench-rules --http}: order awards end to end with 0, 10 and 200 active rules. One embedded MariaDB
 * and one Payara Micro on loopback; a catalog of 400 products in 40 + 7 categories; closed-loop clients in this JVM
 * deliver signed WooCommerce {@code order.updated} webhooks, each a new completed 20-line order of a random member,
 * so every request is an award (catalog read, rules, ledger row, breakdown insert). The rules are
 * {@link RuleBench}'s mix, written to the database between rows; the server sees them within its refresh interval.
 */
final class AwardBench {
    static final int MEMBERS = 2_000;
    private static final int PRODUCTS = 400;
    private static final int LINES = 20;
    private static final DateTimeFormatter WOO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final PrintStream out;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String secret = UUID.randomUUID().toString();
    private final AtomicLong orders = new AtomicLong(1_000_000);

    AwardBench(PrintStream out) {
        this.out = out;
    }

    /** One measured row: awards per second and latency percentiles in milliseconds. */
    record Result(int rules, double perSecond, double p50, double p99, long errors) {}

    /** The table of the three rows, with the machine and the date. */
    String run(Path work, Path payaraJar, Path war, int seconds, int connections) throws Exception {
        Folders.deleteTree(work);
        String machine = ReportSection.machine();
        List<Result> results = new ArrayList<>();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("mariadb"))) {
            MariaDbDataSource source = new MariaDbDataSource(database.jdbcUrl());
            source.setUser(EmbeddedDatabase.USER);
            source.setPassword(EmbeddedDatabase.PASSWORD);
            SchemaMigrator.migrate(source);
            try (Connection connection = source.getConnection()) {
                prepare(connection);
                Files.createDirectories(work);
                try (PayaraServer server = PayaraServer.launch(new PayaraServer.Options(
                        payaraJar,
                        war,
                        Ports.freePort(),
                        work.resolve("payara"),
                        Map.of(
                                "twork.db.url",
                                database.jdbcUrl(),
                                "twork.db.user",
                                EmbeddedDatabase.USER,
                                "twork.db.password",
                                EmbeddedDatabase.PASSWORD,
                                "twork.settings.refresh-millis",
                                "500",
                                "twork.log.dir",
                                work.resolve("logs").toString()),
                        work.resolve("payara.log")))) {
                    server.awaitReady();
                    String url = server.baseUrl() + "/wp-json/twork/v1/points/webhooks/woocommerce";
                    out.println("Warming up (JIT, pools) for 15 s ...");
                    ClosedLoop.run(connections, 15, () -> deliver(url));
                    for (int count : new int[] {0, 10, 200}) {
                        replaceRules(connection, RuleBench.rules(count));
                        Thread.sleep(1_500);
                        ClosedLoop.run(connections, 3, () -> deliver(url));
                        ClosedLoop.Outcome measured = ClosedLoop.run(connections, seconds, () -> deliver(url));
                        Result row = new Result(
                                count, measured.perSecond(), measured.p50(), measured.p99(), measured.errors());
                        results.add(row);
                        out.printf(
                                Locale.ROOT,
                                "  %d rules: %.0f awards/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                                count,
                                row.perSecond(),
                                row.p50(),
                                row.p99(),
                                row.errors());
                    }
                }
            }
        }
        return table(results, machine, seconds, connections);
    }

    private static String table(List<Result> results, String machine, int seconds, int connections) {
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "End to end, run %s UTC on %s (at the start): one Payara Micro and the embedded MariaDB on the same"
                        + " cores, %d closed-loop clients in the launcher's JVM, %d s per row after 3 s; each request a"
                        + " signed `order.updated` webhook of a new completed %d-line order.%n%n",
                LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString().replace('T', ' '),
                machine,
                connections,
                seconds,
                LINES));
        table.append("| active rules | awards/s | p50 ms | p99 ms | errors |\n");
        table.append("|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f | %.1f | %.1f | %d |%n",
                    result.rules(),
                    result.perSecond(),
                    result.p50(),
                    result.p99(),
                    result.errors()));
        }
        return table.toString();
    }

    /** Members, the catalog and the webhook secret, straight into the database before the server starts. */
    private void prepare(Connection connection) throws SQLException {
        BenchMembers.insert(connection, MEMBERS);
        try (PreparedStatement category =
                connection.prepareStatement("INSERT INTO product_category_name (category_id, name, slug, updated_at)"
                        + " VALUES (?, ?, ?, UTC_TIMESTAMP(6))")) {
            for (long id : categoryIds()) {
                category.setLong(1, id);
                category.setString(2, "Category " + id);
                category.setString(3, "category-" + id);
                category.addBatch();
            }
            category.executeBatch();
        }
        try (PreparedStatement product = connection.prepareStatement(
                        "INSERT INTO product (product_id, sku, name, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))");
                PreparedStatement in = connection.prepareStatement(
                        "INSERT INTO product_category (product_id, category_id) VALUES (?, ?)")) {
            for (long id = 1; id <= PRODUCTS; id++) {
                product.setLong(1, id);
                product.setString(2, "SKU-" + id);
                product.setString(3, "Product " + id);
                product.addBatch();
                // The categories RuleBench's order gives its products.
                for (long category : new long[] {id % 40, 100 + id % 7}) {
                    in.setLong(1, id);
                    in.setLong(2, category);
                    in.addBatch();
                }
            }
            product.executeBatch();
            in.executeBatch();
        }
        try (PreparedStatement setting =
                connection.prepareStatement("UPDATE setting SET value = ?, updated_by = 'bench' WHERE name = ?")) {
            setting.setString(1, secret);
            setting.setString(2, "webhook_secret");
            setting.executeUpdate();
        }
    }

    private static long[] categoryIds() {
        long[] ids = new long[47];
        for (int i = 0; i < 40; i++) {
            ids[i] = i;
        }
        for (int i = 0; i < 7; i++) {
            ids[40 + i] = 100 + i;
        }
        return ids;
    }

    /** The active rules become exactly {@code rules}, as the rule service would store them. */
    private static void replaceRules(Connection connection, List<EarningRule> rules) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM earning_rule_version");
            statement.executeUpdate("DELETE FROM earning_rule");
        }
        try (PreparedStatement rule = connection.prepareStatement(
                        "INSERT INTO earning_rule (rule_id, current_version, status, created_at, updated_at)"
                                + " VALUES (?, 1, 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
                PreparedStatement version = connection.prepareStatement(
                        "INSERT INTO earning_rule_version (rule_id, version, name, priority, starts_at, ends_at,"
                                + " definition, created_at, created_by)"
                                + " VALUES (?, 1, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6), 'bench')")) {
            for (EarningRule each : rules) {
                RuleDraft draft = new RuleDraft(
                        each.name(),
                        each.scope(),
                        each.effect(),
                        each.window(),
                        each.tiers(),
                        each.minOrderValue(),
                        each.caps(),
                        each.priority());
                rule.setLong(1, each.id());
                rule.executeUpdate();
                version.setLong(1, each.id());
                version.setString(2, draft.name());
                version.setInt(3, draft.priority());
                version.setObject(4, draft.window().starts().orElse(null));
                version.setObject(5, draft.window().ends().orElse(null));
                version.setString(6, RuleDefinitions.write(draft));
                version.executeUpdate();
            }
        }
    }

    /** One signed delivery of a new completed order; true when it was applied (awarded). */
    private boolean deliver(String url) {
        String body = order(orders.incrementAndGet());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", "order.updated")
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString())
                .header("X-WC-Webhook-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"applied\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String order(long id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder lines = new StringBuilder();
        long cents = 0;
        for (int i = 1; i <= LINES; i++) {
            long product = 1 + random.nextInt(PRODUCTS);
            long total = 100 + random.nextInt(9_900);
            cents += total;
            lines.append(i == 1 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"id\":%d,\"product_id\":%d,\"quantity\":%d,\"total\":\"%d.%02d\"}",
                            i,
                            product,
                            1 + random.nextInt(3),
                            total / 100,
                            total % 100));
        }
        return String.format(
                Locale.ROOT,
                "{\"id\":%d,\"status\":\"completed\",\"customer_id\":%d,\"total\":\"%d.%02d\",\"total_tax\":\"0.00\","
                        + "\"shipping_total\":\"0.00\",\"line_items\":[%s],\"refunds\":[],\"date_modified_gmt\":\"%s\"}",
                id,
                1 + random.nextInt(MEMBERS),
                cents / 100,
                cents % 100,
                lines,
                WOO.format(LocalDateTime.now(ZoneOffset.UTC)));
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
