package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.platform.boundary.SchemaMigration;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.SiteTime;
import com.twork.points.platform.control.Times;
import com.twork.points.setting.boundary.SettingsService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
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
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code GET /admin/transactions.csv}: the transactions list with its filters applied, every row, streamed from a
 * database cursor (the driver fetches 1,000 rows at a time; nothing is collected in memory), outside any JTA
 * transaction so no timeout cuts a long export. UTF-8 with a byte-order mark so spreadsheets read it right.
 */
@WebServlet(urlPatterns = "/admin/transactions.csv")
public class TransactionsCsv extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String HEADER =
            "ID,User ID,User Email,Type,Points,Description,Order ID,Created At,Expires At,Expired?";
    static final int FETCH_SIZE = 1_000;

    @Inject
    transient ConsoleQueries queries;

    @Inject
    transient SettingsService settings;

    @Inject
    transient AppClock clock;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    transient DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionFilter filter = TransactionFilters.from(request::getParameter);
        TransactionFilter.Where statement = queries.exportStatement(filter);
        ZoneId zone = settings.current().siteZone();
        Instant now = clock.now();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"twork-points-transactions-"
                        + now.atZone(zone).toLocalDate() + ".csv\"");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = prepare(connection, statement.clause(), statement.parameters());
                ResultSet rows = query.executeQuery()) {
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            while (rows.next()) {
                writeRow(out, rows, zone, now);
            }
            out.flush();
        } catch (SQLException e) {
            throw new IOException("The export stopped: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement query =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            query.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    query.setTimestamp(
                            i + 1,
                            Timestamp.valueOf(
                                    instant.atZone(java.time.ZoneOffset.UTC).toLocalDateTime()));
                } else {
                    query.setObject(i + 1, value);
                }
            }
            return query;
        } catch (SQLException | RuntimeException e) {
            query.close(); // the caller's try-with-resources never sees a statement that failed to bind
            throw e;
        }
    }

    /** ID, user, e-mail, type, points, description, order, created, expires, expired? (Yes once the expiry passed). */
    private static void writeRow(Writer out, ResultSet rows, ZoneId zone, Instant now)
            throws SQLException, IOException {
        Instant created = Times.instant(rows.getTimestamp(8));
        Timestamp expiresValue = rows.getTimestamp(9);
        Instant expires = expiresValue == null ? null : Times.instant(expiresValue);
        out.write(Long.toString(rows.getLong(1)));
        out.write(',');
        out.write(Long.toString(rows.getLong(2)));
        out.write(',');
        out.write(CsvCells.text(rows.getString(3)));
        out.write(',');
        out.write(rows.getString(4));
        out.write(',');
        out.write(Long.toString(rows.getLong(5)));
        out.write(',');
        out.write(CsvCells.text(rows.getString(6)));
        out.write(',');
        out.write(CsvCells.text(rows.getString(7)));
        out.write(',');
        out.write(SiteTime.format(created, zone));
        out.write(',');
        out.write(expires == null ? "" : SiteTime.format(expires, zone));
        out.write(',');
        out.write(expires != null && !expires.isAfter(now) ? "Yes" : "No");
        out.write("\r\n");
    }
}
