package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.LotRow;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.boundary.Paged;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.ledger.boundary.AdjustmentResult;
import com.twork.points.ledger.boundary.AdjustmentService;
import com.twork.points.ledger.boundary.BalanceView;
import com.twork.points.ledger.boundary.PointsQueryService;
import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.boundary.MemberService;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.boundary.ApplicationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * {@code member.xhtml?id=N}: balance, tier, open lots, history; adjust points with a required reason and void a
 * transaction (both audited by the ledger). The member id travels in a hidden field of each form, so the page
 * needs no state between requests.
 */
@Named
@RequestScoped
public class MemberPage {
    static final int PER_PAGE = 20;
    static final long MAX_ADJUSTMENT = 10_000_000L;

    @Inject
    MemberService members;

    @Inject
    PointsQueryService points;

    @Inject
    AdjustmentService adjustments;

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private long userId;
    private Member member;
    private BalanceView balance;
    private List<LotRow> lots = List.of();
    private Paged<TransactionRow> history;
    private String delta;
    private String reason;
    private String voidId;
    private String voidReason;

    @PostConstruct
    void load() {
        Optional<Long> id = console.longParam("id");
        voidId = console.param("void");
        if (id.isEmpty()) {
            return;
        }
        userId = id.get();
        try {
            member = members.get(userId);
        } catch (MemberNotFoundException e) {
            return;
        }
        try {
            balance = points.balance(userId);
        } catch (MemberInactiveException closed) {
            // Inactive and erased members have no balance to show; the rest of the page still does.
            balance = null;
        }
        lots = queries.lots(userId);
        TransactionFilter mine = new TransactionFilter(
                Optional.empty(), id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        history = queries.transactions(mine, console.pageParam(), PER_PAGE);
    }

    public void adjust() {
        long amount;
        try {
            amount = Long.parseLong(delta == null ? "" : delta.trim());
        } catch (NumberFormatException e) {
            console.fieldError("adjust:delta", "Enter a whole number of points, negative to take points away.");
            return;
        }
        if (amount == 0 || Math.abs(amount) > MAX_ADJUSTMENT) {
            console.fieldError("adjust:delta", "Enter a number other than 0, at most 10,000,000 either way.");
            return;
        }
        try {
            AdjustmentResult result = adjustments.adjust(userId, amount, reason);
            console.redirect("member.xhtml", "adjusted", "id=" + userId + "&tx=" + result.transactionId());
        } catch (ApplicationFailure e) {
            console.refused(e, "adjust");
        }
    }

    public void voidTransaction() {
        if (voidId == null || !voidId.trim().matches("\\d{1,18}")) {
            console.fieldError("void:transaction", "Enter the id of a transaction of this member.");
            return;
        }
        long transactionId = Long.parseLong(voidId.trim());
        if (queries.transactionOwner(transactionId)
                .filter(owner -> owner == userId)
                .isEmpty()) {
            console.fieldError("void:transaction", "Transaction " + transactionId + " is not this member's.");
            return;
        }
        try {
            adjustments.voidTransaction(transactionId, voidReason);
            console.redirect("member.xhtml", "voided", "id=" + userId);
        } catch (ApplicationFailure e) {
            console.refused(e, "void");
        }
    }

    public boolean isFound() {
        return member != null;
    }

    public long getUserId() {
        return userId;
    }

    public Member getMember() {
        return member;
    }

    public BalanceView getBalance() {
        return balance;
    }

    public List<LotRow> getLots() {
        return lots;
    }

    public Paged<TransactionRow> getHistory() {
        return history;
    }

    public String getPageBase() {
        return "?id=" + userId + "&";
    }

    public String getDelta() {
        return delta;
    }

    public void setDelta(String delta) {
        this.delta = delta;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getVoidId() {
        return voidId;
    }

    public void setVoidId(String voidId) {
        this.voidId = voidId;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}
