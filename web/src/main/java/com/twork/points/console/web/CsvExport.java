package com.twork.points.console.web;

import com.twork.points.console.control.TransactionFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * How the console's CSV exports stream: one statement on a connection of their own, outside any JTA transaction (no
 * timeout cuts a long export), through a forward-only cursor the driver fills {@value #FETCH_SIZE} rows at a time,
 * so nothing is collected in memory; UTF-8 with a byte-order mark so spreadsheets read it right, CRLF line ends.
 */
final class CsvExport {
    static final int FETCH_SIZE = 1_000;

    /** Writes one result row as one CSV line, without the line end. */
    @FunctionalInterface
    interface RowWriter {
        void write(Writer out, ResultSet row) throws SQLException, IOException;
    }

    private CsvExport() {}

    /** A filter the export cannot apply: 400 with the problems in plain text, nothing exported. */
    static void refuse(HttpServletResponse response, List<String> problems) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(String.join("\n", problems));
    }

    /** Streams {@code statement}'s rows as {@code <name>-<day>.csv} under {@code header}. */
    static void stream(
            HttpServletResponse response,
            DataSource dataSource,
            TransactionFilter.Where statement,
            String name,
            LocalDate day,
            String header,
            RowWriter rowWriter)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + day + ".csv\"");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        statement.clause(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            bind(query, statement.parameters());
            try (ResultSet rows = query.executeQuery()) {
                Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                out.write('\uFEFF');
                out.write(header);
                out.write("\r\n");
                while (rows.next()) {
                    rowWriter.write(out, rows);
                    out.write("\r\n");
                }
                out.flush();
            }
        } catch (SQLException e) {
            throw new IOException("The export stopped: " + e.getMessage(), e);
        }
    }

    /** Instants are stored as UTC DATETIME values. */
    private static void bind(PreparedStatement query, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                query.setTimestamp(
                        i + 1, Timestamp.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDateTime()));
            } else {
                query.setObject(i + 1, value);
            }
        }
    }
}
