package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.ExpiringRow;
import com.twork.points.console.boundary.ConsoleRows.MemberRow;
import com.twork.points.expiry.boundary.ExpiryService;
import com.twork.points.expiry.control.SweepResult;
import com.twork.points.ledger.boundary.AdjustmentRefusedException;
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
        if (reason == null || reason.isBlank()) {
            console.fieldError("reconcile:reason", "A reason is required.");
            return;
        }
        int repaired = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (Reconciliation.Drift drift : drifts) {
            try {
                reconciliation.repair(drift.userId(), reason);
                repaired++;
            } catch (AdjustmentRefusedException e) {
                refused.add(Long.toString(drift.userId()));
            } catch (ApplicationFailure e) {
                // Not about one member (a role that may not repair, a missing reason): nothing was done, say why.
                console.refused(e, "reconcile");
                return;
            }
        }
        // Redirect in every case (a refresh must not run it again); the members it refused travel as ids.
        console.redirect(
                "reports.xhtml",
                refused.isEmpty() ? "reconciled" : "reconciled-partly",
                "repaired=" + repaired
                        + (refused.isEmpty()
                                ? ""
                                : "&refused=" + String.join(",", refused.subList(0, Math.min(refused.size(), 50)))));
    }

    /** What the last "reconcile balances" did, from the redirect's query ({@code repaired}, {@code refused}). */
    public String getReconcileSummary() {
        String repaired = console.param("repaired");
        String refused = console.param("refused");
        if (!repaired.matches("\\d{1,9}")) {
            return null;
        }
        if (!refused.matches("\\d{1,18}(,\\d{1,18}){0,49}")) {
            return repaired + " balance(s) repaired.";
        }
        String[] members = refused.split(",");
        return repaired + " balance(s) repaired; " + members.length + " need a correcting adjustment: member(s) "
                + String.join(", ", members)
                + " (their ledger rows disagree with each other, so no stored balance is the right one to set).";
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
