package com.twork.points.launcher.tools.products;

import com.twork.points.catalog.control.ProductEvents.ProductChange;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads WooCommerce's product export (the JSON array {@code GET /wp-json/wc/v3/products} answers, pages concatenated
 * into one array) as a stream and writes the catalog by the same rules as the product webhooks: a product already
 * held with a newer {@code date_modified_gmt} is kept. Commits every 500 products, so a large shop needs no large
 * transaction; running it again changes nothing.
 */
public final class ProductImport {
    static final int BATCH = 500;
    private final Connection connection;
    private final PrintStream out;

    /** The file is not a product export; exit code 1 with the reason (bad usage would be 2). */
    public static final class MalformedExportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ProductImport(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    /** Returns how many products were written; a malformed file fails naming the product's position. */
    public int importFile(Path file) throws IOException, SQLException {
        int written = 0;
        int kept = 0;
        int position = 0;
        connection.setAutoCommit(false);
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = JsonProvider.provider().createParser(in)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                throw new MalformedExportException(file + " is not a JSON array of products", null);
            }
            Iterator<JsonValue> products = parser.getArrayStream().iterator();
            while (products.hasNext()) {
                JsonValue value = products.next();
                position++;
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new MalformedExportException("item " + position + " is not a product object", null);
                }
                ProductChange change;
                try {
                    change = ProductChange.of(value.asJsonObject());
                } catch (IllegalArgumentException e) {
                    throw new MalformedExportException("item " + position + ": " + e.getMessage(), e);
                }
                if (write(change)) {
                    written++;
                } else {
                    kept++;
                }
                if (position % BATCH == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        } catch (jakarta.json.JsonException e) {
            connection.rollback();
            throw new MalformedExportException(file + " is not valid JSON: " + e.getMessage(), e);
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        out.println(
                "Imported " + written + " products from " + file + " (" + kept + " kept: we hold a newer version).");
        return written;
    }

    private boolean write(ProductChange change) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement held =
                connection.prepareStatement("SELECT date_modified_gmt FROM product WHERE product_id = ? FOR UPDATE")) {
            held.setLong(1, change.productId());
            try (ResultSet row = held.executeQuery()) {
                if (row.next()
                        && row.getTimestamp(1) != null
                        && change.modified().isPresent()
                        && change.modified().get().isBefore(row.getTimestamp(1).toInstant())) {
                    return false;
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO product (product_id, sku, name,"
                + " deleted, date_modified_gmt, updated_at) VALUES (?, ?, ?, 0, ?, ?) ON DUPLICATE KEY UPDATE"
                + " sku = VALUES(sku), name = VALUES(name), deleted = 0,"
                + " date_modified_gmt = COALESCE(VALUES(date_modified_gmt), date_modified_gmt),"
                + " updated_at = VALUES(updated_at)")) {
            upsert.setLong(1, change.productId());
            upsert.setString(2, change.sku().isEmpty() ? null : cut(change.sku(), 100));
            upsert.setString(3, cut(change.name(), 255));
            upsert.setTimestamp(4, change.modified().map(Timestamp::from).orElse(null));
            upsert.setTimestamp(5, now);
            upsert.executeUpdate();
        }
        try (PreparedStatement clear =
                connection.prepareStatement("DELETE FROM product_category WHERE product_id = ?")) {
            clear.setLong(1, change.productId());
            clear.executeUpdate();
        }
        for (Map.Entry<Long, String[]> category : change.categories().entrySet()) {
            try (PreparedStatement name = connection.prepareStatement("INSERT INTO product_category_name"
                            + " (category_id, name, slug, updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                            + " name = VALUES(name), slug = VALUES(slug), updated_at = VALUES(updated_at)");
                    PreparedStatement member = connection.prepareStatement(
                            "INSERT INTO product_category (product_id, category_id) VALUES (?, ?)")) {
                name.setLong(1, category.getKey());
                name.setString(2, cut(category.getValue()[0], 255));
                name.setString(3, cut(category.getValue()[1], 255));
                name.setTimestamp(4, now);
                name.executeUpdate();
                member.setLong(1, change.productId());
                member.setLong(2, category.getKey());
                member.executeUpdate();
            }
        }
        return true;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
