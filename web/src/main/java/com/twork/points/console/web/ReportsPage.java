package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.ExpiringRow;
import com.twork.points.console.boundary.ConsoleRows.MemberRow;
import com.twork.points.expiry.boundary.ExpiryService;
import com.twork.points.expiry.control.SweepResult;
import com.twork.points.ops.boundary.ReconciliationService;
import com.twork.points.ops.control.Reconciliation;
import com.twork.points.platform.boundary.ApplicationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code reports.xhtml}: top members, lots expiring soon (soonest first), balances that drifted from their
 * ledger; the bulk actions "run expiry now" and "reconcile balances" (each drifted member repaired on its own,
 * audited with the reason given; ADMIN).
 */
@Named
@RequestScoped
public class ReportsPage {
    static final int EXPIRING_DAYS = 30;

    @Inject
    ConsoleQueries queries;

    @Inject
    ExpiryService expiry;

    @Inject
    ReconciliationService reconciliation;

    @Inject
    Console console;

    private List<MemberRow> top;
    private List<ExpiringRow> expiring;
    private List<Reconciliation.Drift> drifts;
    private String reason;

    @PostConstruct
    void load() {
        top = queries.topMembers(20);
        expiring = queries.expiringSoon(EXPIRING_DAYS, 100);
        drifts = reconciliation.drifts();
    }

    public void runExpiry() {
        try {
            SweepResult result = expiry.runNow();
            console.redirect("reports.xhtml", "expiry", "lots=" + result.lots() + "&points=" + result.points());
        } catch (ApplicationFailure e) {
            console.refused(e, "expiry");
        }
    }

    public void reconcile() {
        int repaired = 0;
        int refused = 0;
        for (Reconciliation.Drift drift : drifts) {
            try {
                reconciliation.repair(drift.userId(), reason);
                repaired++;
            } catch (ApplicationFailure e) {
                refused++;
                console.error("Member " + drift.userId() + ": " + e.getMessage());
            }
        }
        if (refused == 0) {
            console.redirect("reports.xhtml", "reconciled", "repaired=" + repaired);
        } else {
            drifts = reconciliation.drifts();
            console.info(repaired + " balance(s) repaired; " + refused + " need a correcting adjustment.");
        }
    }

    /** What the last "run expiry now" did, from the redirect's query ({@code lots}, {@code points}). */
    public String getExpirySummary() {
        String lots = console.param("lots");
        String points = console.param("points");
        return lots.matches("\\d{1,12}") && points.matches("\\d{1,15}")
                ? lots + " lot(s) expired, " + points + " point(s)."
                : null;
    }

    public List<MemberRow> getTop() {
        return top;
    }

    public List<ExpiringRow> getExpiring() {
        return expiring;
    }

    public List<Reconciliation.Drift> getDrifts() {
        return drifts;
    }

    public int getExpiringDays() {
        return EXPIRING_DAYS;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
