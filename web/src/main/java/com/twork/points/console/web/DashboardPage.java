package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.Dashboard;
import com.twork.points.console.boundary.ConsoleRows.DayTotals;
import com.twork.points.console.boundary.ConsoleRows.Kpis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code index.xhtml}: KPIs over a chosen period ({@code from}, {@code to}; the last 30 days by default) against the
 * period of the same length before it, liability and pending releases, the per-day chart of the period, the tier
 * distribution, the latest rows.
 */
@Named
@RequestScoped
public class DashboardPage {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private Dashboard dashboard;
    private Kpis kpis;
    private List<DayTotals> days;
    private String problem;
    private LocalDate from;
    private LocalDate to;

    @PostConstruct
    void load() {
        LocalDate today = queries.today();
        to = date("to").orElse(today);
        from = date("from").orElse(to.minusDays(DEFAULT_DAYS - 1L));
        if (!console.param("from").isEmpty() && date("from").isEmpty()
                || !console.param("to").isEmpty() && date("to").isEmpty()) {
            problem = "Dates are written YYYY-MM-DD; showing the last " + DEFAULT_DAYS + " days.";
        } else if (from.isAfter(to)) {
            problem = "The From date is after the To date; showing the last " + DEFAULT_DAYS + " days.";
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            problem = "Choose at most " + MAX_DAYS + " days; showing the last " + DEFAULT_DAYS + " days.";
        }
        if (problem != null) {
            to = today;
            from = today.minusDays(DEFAULT_DAYS - 1L);
        }
        dashboard = queries.dashboard();
        kpis = queries.kpis(from, to);
        days = queries.days(from, to);
    }

    private Optional<LocalDate> date(String name) {
        try {
            String value = console.param(name);
            return value.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Dashboard getData() {
        return dashboard;
    }

    public Kpis getKpis() {
        return kpis;
    }

    public String getProblem() {
        return problem;
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    public long getDays() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public List<DayTotals> getDayTotals() {
        return days;
    }

    /** "+12.5 %" / "-3.0 %" against the previous period, "new" when it was 0, "no change" when equal. */
    public String change(long current, long previous) {
        if (current == previous) {
            return "no change";
        }
        if (previous == 0) {
            return "new";
        }
        double percent = 100.0 * (current - previous) / previous;
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** The change of a percentage, in percentage points. */
    public String pointsChange(double current, double previous) {
        return String.format(Locale.ROOT, "%+.1f pp", current - previous);
    }

    public String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    /** A preset link: the last {@code n} days up to today. */
    public String preset(int n) {
        LocalDate today = queries.today();
        return "?from=" + today.minusDays(n - 1L) + "&to=" + today;
    }

    public String getDailyChart() {
        return ConsoleCharts.daily(days);
    }

    public String getTierChart() {
        return ConsoleCharts.tiers(dashboard.tiers());
    }
}
