package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.Dashboard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code index.xhtml}: totals, the 30-day chart, the tier distribution, the latest rows. */
@Named
@RequestScoped
public class DashboardPage {
    @Inject
    ConsoleQueries queries;

    private Dashboard dashboard;

    @PostConstruct
    void load() {
        dashboard = queries.dashboard();
    }

    public Dashboard getData() {
        return dashboard;
    }

    public String getDailyChart() {
        return ConsoleCharts.daily(dashboard.days());
    }

    public String getTierChart() {
        return ConsoleCharts.tiers(dashboard.tiers());
    }
}
