package com.twork.points.privacy.control;

import com.twork.points.platform.boundary.SchemaMigration;
import com.twork.points.platform.control.JsonProviders;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes a member's export (GDPR Art. 15 and 20, docs/privacy.md) as one JSON document, straight from database
 * cursors to the response: the driver fetches {@value #FETCH_SIZE} rows at a time and nothing is collected, so a
 * member with 100,000 rows costs no heap worth mentioning. It runs outside any JTA transaction (no timeout cuts a long
 * export) on one connection in a read-only REPEATABLE READ transaction, so all sections show the same moment.
 */
@ApplicationScoped
public class MemberExport {
    public static final String FORMAT = "twork-points-member-export";
    public static final int VERSION = 1;
    static final int FETCH_SIZE = 500;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    /** Facts computed by the application rather than stored (the current tier), written before the sections. */
    public record Derived(Instant generatedAt, Map<String, Object> tier) {}

    public void write(long userId, Derived derived, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                writeDocument(connection, userId, derived, out);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export of member " + userId + " stopped: " + e.getMessage(), e);
        }
    }

    private static void writeDocument(Connection connection, long userId, Derived derived, OutputStream out)
            throws SQLException {
        try (JsonGenerator json = JsonProviders.JSON.createGenerator(out)) {
            json.writeStartObject();
            json.write("format", FORMAT);
            json.write("version", VERSION);
            json.write("generated_at", UTC.format(derived.generatedAt()));
            json.write("user_id", userId);
            json.writeStartObject("sources");
            for (ExportSection section : ExportSection.values()) {
                json.write(section.key(), section.table());
            }
            json.writeEnd();
            json.writeStartObject("tier");
            derived.tier().forEach((name, value) -> value(json, name, value));
            json.writeEnd();
            for (ExportSection section : ExportSection.values()) {
                section(connection, section, userId, json);
                json.flush();
            }
            json.writeEnd();
        }
    }

    private static void section(Connection connection, ExportSection section, long userId, JsonGenerator json)
            throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(section.jdbc(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            for (int i = 1; i <= section.parameters(); i++) {
                query.setLong(i, userId);
            }
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                if (section.single()) {
                    if (rows.next()) {
                        json.writeStartObject(section.key());
                        row(rows, columns, json);
                        json.writeEnd();
                    } else {
                        json.writeNull(section.key());
                    }
                    return;
                }
                json.writeStartArray(section.key());
                while (rows.next()) {
                    json.writeStartObject();
                    row(rows, columns, json);
                    json.writeEnd();
                }
                json.writeEnd();
            }
        }
    }

    /** One row: each column under its label, numbers as numbers, times as ISO-8601 UTC, dates as YYYY-MM-DD. */
    private static void row(ResultSet rows, ResultSetMetaData columns, JsonGenerator json) throws SQLException {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i);
            Object value = switch (columns.getColumnType(i)) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                    Timestamp time = rows.getTimestamp(i);
                    yield time == null
                            ? null
                            : UTC.format(time.toLocalDateTime().toInstant(ZoneOffset.UTC));
                }
                case Types.DATE -> {
                    Date date = rows.getDate(i);
                    yield date == null ? null : date.toLocalDate().toString();
                }
                case Types.BIT, Types.BOOLEAN -> {
                    boolean flag = rows.getBoolean(i);
                    yield rows.wasNull() ? null : flag;
                }
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    long number = rows.getLong(i);
                    yield rows.wasNull() ? null : number;
                }
                case Types.DECIMAL, Types.NUMERIC -> rows.getBigDecimal(i);
                default -> rows.getString(i);
            };
            value(json, name, value);
        }
    }

    private static void value(JsonGenerator json, String name, Object value) {
        if (value == null) {
            json.writeNull(name);
        } else if (value instanceof Boolean flag) {
            json.write(name, flag);
        } else if (value instanceof Long number) {
            json.write(name, number);
        } else if (value instanceof Integer number) {
            json.write(name, number);
        } else if (value instanceof BigDecimal number) {
            json.write(name, number);
        } else {
            json.write(name, value.toString());
        }
    }
}
