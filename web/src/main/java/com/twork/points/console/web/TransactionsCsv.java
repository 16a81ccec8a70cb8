package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows;
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
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code GET /admin/transactions.csv}: the transactions list with its filters applied, every row, streamed
 * ({@link CsvExport}).
 */
@WebServlet(urlPatterns = "/admin/transactions.csv")
public class TransactionsCsv extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /**
     * The plugin's columns (SPEC §8), then Status: {@code available}, {@code pending}, {@code void} or "voided by
     * #N". Points are the change to the balance, so debits (redeem, expire, negative adjust) are negative.
     */
    static final String HEADER =
            "ID,User ID,User Email,Type,Points,Description,Order ID,Created At,Expires At,Expired?,Status";

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
        java.util.Optional<String> problem = TransactionFilters.problem(request::getParameter);
        if (problem.isPresent()) {
            CsvExport.refuse(response, List.of(problem.get()));
            return;
        }
        TransactionFilter filter = TransactionFilters.from(request::getParameter);
        TransactionFilter.Where statement = queries.exportStatement(filter);
        ZoneId zone = settings.current().siteZone();
        Instant now = clock.now();
        CsvExport.stream(
                response,
                dataSource,
                statement,
                "twork-points-transactions",
                now.atZone(zone).toLocalDate(),
                HEADER,
                (out, row) -> writeRow(out, row, zone, now));
    }

    /**
     * ID, user, e-mail, type, signed points, description, order, created, expires, expired? (Yes once the expiry
     * passed), status.
     */
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
        String type = rows.getString(4);
        out.write(type);
        out.write(',');
        out.write(Long.toString(ConsoleRows.signed(type, rows.getLong(5))));
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
        out.write(',');
        long voidedBy = rows.getLong(14);
        out.write(rows.wasNull() ? rows.getString(10) : "voided by #" + voidedBy);
    }
}
