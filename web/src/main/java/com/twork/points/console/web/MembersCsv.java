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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@code GET /admin/members.csv}: the members list with its filters and order applied, every row, streamed
 * ({@link CsvExport}). Blocked members read "blocked".
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
            CsvExport.refuse(response, problems);
            return;
        }
        MemberFilter filter = MemberFilters.from(request::getParameter, keys);
        String sort = request.getParameter("sort");
        TransactionFilter.Where statement = queries.membersExport(
                filter, MembersPage.SORTS.contains(sort) ? sort : "id", "desc".equals(request.getParameter("dir")));
        TierLadder ladder = queries.tierLadder();
        ZoneId zone = settings.current().siteZone();
        LocalDate today = clock.now().atZone(zone).toLocalDate();
        CsvExport.stream(response, dataSource, statement, "twork-points-members", today, HEADER, (out, row) -> {
            out.write(Long.toString(row.getLong(1)));
            out.write(',');
            out.write(CsvCells.text(row.getString(3)));
            out.write(',');
            out.write(CsvCells.text(row.getString(2)));
            out.write(',');
            out.write("active".equals(row.getString(4)) ? "active" : "blocked");
            out.write(',');
            out.write(CsvCells.text(ladder.place(row.getLong(7)).label()));
            out.write(',');
            out.write(Long.toString(row.getLong(5)));
            out.write(',');
            out.write(Long.toString(row.getLong(6)));
            out.write(',');
            out.write(SiteTime.format(Times.instant(row.getTimestamp(8)), zone));
        });
    }
}
