package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.control.MemberFilter;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.platform.boundary.SchemaMigration;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.SiteTime;
import com.twork.points.platform.control.Times;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.tier.control.TierLadder;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code GET /admin/members.csv}: the members list with its filters and order applied, every row, streamed from a
 * database cursor outside any JTA transaction (like the transactions export). Blocked members read "blocked".
 */
@WebServlet(urlPatterns = "/admin/members.csv")
public class MembersCsv extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String HEADER = "User ID,Name,E-mail,Status,Tier,Balance,Earned (all time),Last activity";

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
        Map<String, String> tiers = queries.tierChoices();
        Set<String> keys = tiers.keySet();
        List<String> problems = MemberFilters.problems(request::getParameter, keys);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().write(String.join("\n", problems));
            return;
        }
        MemberFilter filter = MemberFilters.from(request::getParameter, keys);
        String sort = request.getParameter("sort");
        TransactionFilter.Where statement = queries.membersExport(
                filter, MembersPage.SORTS.contains(sort) ? sort : "id", "desc".equals(request.getParameter("dir")));
        TierLadder ladder = queries.tierLadder();
        ZoneId zone = settings.current().siteZone();
        Instant now = clock.now();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"twork-points-members-"
                        + now.atZone(zone).toLocalDate() + ".csv\"");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        statement.clause(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(TransactionsCsv.FETCH_SIZE);
            List<Object> parameters = statement.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    query.setTimestamp(
                            i + 1,
                            Timestamp.valueOf(instant.atZone(ZoneOffset.UTC).toLocalDateTime()));
                } else {
                    query.setObject(i + 1, value);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                out.write('\uFEFF');
                out.write(HEADER);
                out.write("\r\n");
                while (rows.next()) {
                    out.write(Long.toString(rows.getLong(1)));
                    out.write(',');
                    out.write(CsvCells.text(rows.getString(3)));
                    out.write(',');
                    out.write(CsvCells.text(rows.getString(2)));
                    out.write(',');
                    out.write("active".equals(rows.getString(4)) ? "active" : "blocked");
                    out.write(',');
                    out.write(CsvCells.text(ladder.place(rows.getLong(7)).label()));
                    out.write(',');
                    out.write(Long.toString(rows.getLong(5)));
                    out.write(',');
                    out.write(Long.toString(rows.getLong(6)));
                    out.write(',');
                    out.write(SiteTime.format(Times.instant(rows.getTimestamp(8)), zone));
                    out.write("\r\n");
                }
                out.flush();
            }
        } catch (SQLException e) {
            throw new IOException("The export stopped: " + e.getMessage(), e);
        }
    }
}
