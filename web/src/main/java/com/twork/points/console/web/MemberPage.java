package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.ActivityRow;
import com.twork.points.console.boundary.ConsoleRows.LotRow;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.boundary.Paged;
import com.twork.points.console.control.TransactionFilter;
import com.twork.points.ledger.boundary.AdjustmentResult;
import com.twork.points.ledger.boundary.AdjustmentService;
import com.twork.points.ledger.boundary.BalanceView;
import com.twork.points.ledger.boundary.PointsQueryService;
import com.twork.points.member.boundary.MemberChanges;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.boundary.MemberService;
import com.twork.points.member.entity.Member;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.rule.boundary.AwardExplanations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code member.xhtml?id=N}: balance, tier, open lots, history; adjust points with a required reason and void a
 * transaction (both audited by the ledger). The member id travels in a hidden field of each form, so the page
 * needs no state between requests.
 */
@Named
@RequestScoped
public class MemberPage {
    static final int PER_PAGE = 20;
    static final int ACTIVITY = 30;
    static final long MAX_ADJUSTMENT = 10_000_000L;
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");

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

    @Inject
    AwardExplanations explanations;

    private long userId;
    private Member member;
    private BalanceView balance;
    private List<LotRow> lots = List.of();
    private Paged<TransactionRow> history;
    private Map<Long, List<String>> explained = Map.of();
    private String delta;
    private String reason;
    private String voidId;
    private String voidReason;

    private TransactionRow voidCandidate;
    private List<ActivityRow> activity = List.of();
    private String name;
    private String email;
    private String birthday;
    private String status;
    private String editReason;

    @PostConstruct
    void load() {
        Optional<Long> id = console.longParam("id");
        voidId = console.param("void");
        if (id.isEmpty()) {
            console.notFound();
            return;
        }
        userId = id.get();
        try {
            member = members.get(userId);
        } catch (MemberNotFoundException e) {
            console.notFound();
            return;
        }
        name = member.displayName().orElse("");
        email = member.email().orElse("");
        birthday = member.birthday().map(Object::toString).orElse("");
        status = member.status().wire();
        voidCandidate = console.longParam("void")
                .flatMap(queries::transaction)
                .filter(row -> row.userId() == userId)
                .filter(TransactionRow::voidable)
                .orElse(null);
        balance = points.staffBalance(userId);
        lots = queries.lots(userId);
        activity = queries.activity(userId, ACTIVITY);
        TransactionFilter mine = new TransactionFilter(
                Optional.empty(), id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        history = queries.transactions(mine, console.pageParam(), PER_PAGE);
        explained = explain(history.rows());
    }

    /** The rules behind each order award on this page, one query for the page. */
    private Map<Long, List<String>> explain(List<TransactionRow> rows) {
        Set<Long> awards = rows.stream()
                .filter(row -> row.orderId() != null && !row.orderId().isEmpty())
                .map(TransactionRow::id)
                .collect(Collectors.toSet());
        if (awards.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> lines = new HashMap<>();
        explanations.of(userId, awards).forEach((id, breakdown) -> {
            List<String> shown = AwardLines.of(breakdown);
            if (!shown.isEmpty()) {
                lines.put(id, shown);
            }
        });
        return lines;
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

    /** Staff correct the member's record; an inactive ("blocked") member earns and redeems nothing. */
    public void edit() {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        String newEmail = trimmed(email);
        if (!newEmail.isEmpty() && !EMAIL.matcher(newEmail).matches()) {
            problems.put("edit:email", "Enter an e-mail address such as ana@example.com, or leave it empty.");
        }
        String newName = trimmed(name);
        if (newName.length() > 250) {
            problems.put("edit:name", "At most 250 characters.");
        }
        Optional<LocalDate> newBirthday = Optional.empty();
        if (!trimmed(birthday).isEmpty()) {
            try {
                newBirthday = Optional.of(LocalDate.parse(trimmed(birthday)));
                if (newBirthday.get().isAfter(LocalDate.now())
                        || newBirthday.get().getYear() < 1900) {
                    problems.put("edit:birthday", "Enter a past date after 1900.");
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.put("edit:birthday", "Dates are written YYYY-MM-DD.");
            }
        }
        if (!"active".equals(status) && !"inactive".equals(status)) {
            problems.put("edit:status", "Pick active or blocked.");
        }
        if (!problems.isEmpty()) {
            problems.forEach(console::fieldError);
            return;
        }
        try {
            members.edit(
                    new MemberChanges(
                            userId,
                            Optional.of(Optional.of(newEmail).filter(value -> !value.isEmpty())),
                            Optional.of(Optional.of(newName).filter(value -> !value.isEmpty())),
                            Optional.of(MemberStatus.fromWire(status)),
                            Optional.of(newBirthday),
                            Optional.empty()),
                    editReason);
            console.redirect("member.xhtml", "member", "id=" + userId);
        } catch (ApplicationFailure e) {
            console.refused(e, "edit");
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
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

    /** The row the "Void…" action of a history row chose, when it is this member's and may be voided. */
    public TransactionRow getVoidCandidate() {
        return voidCandidate;
    }

    /**
     * What voiding the chosen row does to the balance, in words: a credit is taken back as far as the balance
     * allows, a debit comes back in full.
     */
    public String getVoidEffect() {
        if (voidCandidate == null) {
            return "A compensating row is written; nothing is deleted.";
        }
        long signed = voidCandidate.signedPoints();
        long current = balance.currentBalance();
        long change = signed > 0 ? -Math.min(signed, current) : -signed;
        String effect = "Void #" + voidCandidate.id() + " (" + voidCandidate.type() + ", "
                + fmt(signed) + ")? The balance changes by " + fmt(change) + ", from "
                + String.format(java.util.Locale.ROOT, "%,d", current) + " to "
                + String.format(java.util.Locale.ROOT, "%,d", current + change) + ".";
        return signed > current
                ? effect + " " + String.format(java.util.Locale.ROOT, "%,d", signed - current)
                        + " point(s) were already spent and stay spent."
                : effect;
    }

    private static String fmt(long points) {
        return (points > 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%,d", points);
    }

    /** "Member 5", or "Member not found" when the id is not a member's (or not an id). */
    public String getTitle() {
        return member == null ? "Member not found" : "Member " + userId;
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

    /** The latest events of every kind, newest first. */
    public List<ActivityRow> getActivity() {
        return activity;
    }

    public List<LotRow> getLots() {
        return lots;
    }

    /** Per history row id, the rules that changed its award ("2× Summer coffee: +48"); absent for the rest. */
    public Map<Long, List<String>> getExplained() {
        return explained;
    }

    public Paged<TransactionRow> getHistory() {
        return history;
    }

    public String getPageBase() {
        return "?id=" + userId + "&";
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getBirthday() {
        return birthday;
    }

    public void setBirthday(String birthday) {
        this.birthday = birthday;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getEditReason() {
        return editReason;
    }

    public void setEditReason(String editReason) {
        this.editReason = editReason;
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
