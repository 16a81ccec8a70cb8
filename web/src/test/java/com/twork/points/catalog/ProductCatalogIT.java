package com.twork.points.catalog;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.it.WooWebhooks;
import com.twork.points.launcher.TworkCommand;
import com.twork.points.launcher.server.EmbeddedDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product catalog kept by WooCommerce: product webhooks under the order webhooks' signature and replay rules,
 * out-of-order updates, deletions, malformed bodies, and {@code ./twork import-products}.
 */
@ExtendWith(SharedServer.class)
class ProductCatalogIT {
    private static final String SECRET = "woo-secret-for-products";
    private static final AtomicLong IDS =
            new AtomicLong(8_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1000);

    @BeforeEach
    void configure() {
        Fixtures.setSetting("webhook_secret", SECRET);
    }

    @AfterEach
    void unconfigure() {
        Fixtures.setSetting("webhook_secret", "");
    }

    @Test
    void productWebhooksAreSignedDeduplicatedAndAppliedInModificationOrder() {
        long id = IDS.incrementAndGet();
        long category = IDS.incrementAndGet();
        String newer = product(id, "SKU-NEW", "2026-06-02T10:00:00", category);
        String older = product(id, "SKU-OLD", "2026-06-01T10:00:00", category + 1);

        deliver("product.updated", UUID.randomUUID().toString(), newer, "wrong").assertError(401, "invalid_signature");
        assertEquals(0, count("SELECT COUNT(*) FROM product WHERE product_id = ?", id), "nothing stored");

        String delivery = UUID.randomUUID().toString();
        assertEquals("applied", outcome(deliver("product.updated", delivery, newer, sign(newer))));
        assertEquals("duplicate", outcome(deliver("product.updated", delivery, newer, sign(newer))));
        assertEquals(
                "applied", outcome(deliver("product.updated", UUID.randomUUID().toString(), older, sign(older))));
        assertEquals("SKU-NEW", text("SELECT sku FROM product WHERE product_id = ?", id), "the older update lost");
        assertEquals(category, count("SELECT category_id FROM product_category WHERE product_id = ?", id));
        assertEquals("Cat " + category, text("SELECT name FROM product_category_name WHERE category_id = ?", category));

        String deletion = Json.createObjectBuilder().add("id", id).build().toString();
        assertEquals(
                "applied", outcome(deliver("product.deleted", UUID.randomUUID().toString(), deletion, sign(deletion))));
        String late = product(id, "SKU-LATE", "2026-06-03T10:00:00", category);
        deliver("product.updated", UUID.randomUUID().toString(), late, sign(late));
        assertEquals(
                1,
                count("SELECT deleted FROM product WHERE product_id = ?", id),
                "an update sent before the" + " deletion and delivered after it does not bring the product back");
    }

    @Test
    void aMalformedProductIsRecordedAsFailedAndChangesNothing() {
        long products = count("SELECT COUNT(*) FROM product");
        String bad = Json.createObjectBuilder()
                .add("id", "not-a-number")
                .add("name", "x")
                .build()
                .toString();
        assertEquals(
                "failed", outcome(deliver("product.created", UUID.randomUUID().toString(), bad, sign(bad))));
        String notAProduct = Json.createObjectBuilder()
                .add("id", 5)
                .add("total", "3.00")
                .build()
                .toString();
        assertEquals(
                "ignored",
                outcome(deliver("product.updated", UUID.randomUUID().toString(), notAProduct, sign(notAProduct))));
        assertEquals(products, count("SELECT COUNT(*) FROM product"));
    }

    @Test
    void importProductsReadsWooCommercesExportAndIsRepeatable(@TempDir Path dir) throws Exception {
        long first = IDS.incrementAndGet();
        long second = IDS.incrementAndGet();
        long category = IDS.incrementAndGet();
        Path file = dir.resolve("products.json");
        Files.writeString(
                file,
                "[" + product(first, "IMP-1", "2026-05-01T00:00:00", category) + ","
                        + product(second, "", "2026-05-01T00:00:00", category) + "]");
        String printed = command("import-products", file.toString());
        assertTrue(printed.contains("Imported 2 products"), printed);
        assertEquals(2, count("SELECT COUNT(*) FROM product_category WHERE category_id = ?", category));
        command("import-products", file.toString());
        assertEquals(2, count("SELECT COUNT(*) FROM product_category WHERE category_id = ?", category));
        assertEquals("IMP-1", text("SELECT sku FROM product WHERE product_id = ?", first));
        Files.writeString(dir.resolve("bad.json"), "{\"id\": 1}");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(
                1,
                onTheSharedDatabase(() -> TworkCommand.run(
                        List.of("import-products", dir.resolve("bad.json").toString()),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(errors, true, StandardCharsets.UTF_8))));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("not a JSON array"), errors.toString());
    }

    private static String command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(
                0,
                onTheSharedDatabase(
                        () -> TworkCommand.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8))));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The command works on the shared test server's database (never an embedded one of its own). */
    private static int onTheSharedDatabase(Callable<Integer> command) throws Exception {
        System.setProperty("twork.db.url", text("SELECT CONCAT('jdbc:mariadb://127.0.0.1:', @@port, '/', DATABASE())"));
        System.setProperty("twork.db.user", EmbeddedDatabase.USER);
        System.setProperty("twork.db.password", EmbeddedDatabase.PASSWORD);
        try {
            return command.call();
        } finally {
            System.clearProperty("twork.db.url");
            System.clearProperty("twork.db.user");
            System.clearProperty("twork.db.password");
        }
    }

    private static String product(long id, String sku, String modified, long category) {
        JsonArrayBuilder categories = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("id", category)
                        .add("name", "Cat " + category)
                        .add("slug", "cat-" + category));
        return Json.createObjectBuilder()
                .add("id", id)
                .add("name", "Product " + id)
                .add("sku", sku)
                .add("date_modified_gmt", modified)
                .add("categories", categories)
                .build()
                .toString();
    }

    private static Reply deliver(String topic, String deliveryId, String body, String signature) {
        return WooWebhooks.deliver(topic, deliveryId, body, signature);
    }

    private static String outcome(Reply reply) {
        JsonObject body = reply.assertOk();
        return body.getString("outcome");
    }

    private static String sign(String body) {
        return WooWebhooks.sign(SECRET, body);
    }
}
