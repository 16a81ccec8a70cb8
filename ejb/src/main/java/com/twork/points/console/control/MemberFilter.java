package com.twork.points.console.control;

import java.time.Instant;
import java.util.Optional;

/**
 * The members list's filters: free text (exact id, part of the e-mail or name), tier key, status, balance range,
 * and last activity (the last change to the member's points, else when the member was created): active within
 * {@code activeDays} days, or idle for at least {@code idleDays}. The list page and the CSV export use the same
 * clause. The tier condition is given by the caller (it depends on the ladder and the tier basis setting).
 */
public record MemberFilter(
        Optional<String> search,
        Optional<String> tier,
        Optional<String> status,
        Optional<Long> minBalance,
        Optional<Long> maxBalance,
        Optional<Integer> activeDays,
        Optional<Integer> idleDays) {

    /** Last activity: the account's last change, or the member's creation when it never had points. */
    public static final String LAST_ACTIVITY = "COALESCE(a.updated_at, m.created_at)";

    public static MemberFilter search(String text) {
        return new MemberFilter(
                Optional.ofNullable(text).map(String::trim).filter(value -> !value.isEmpty()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * A {@code WHERE} clause over {@code member m LEFT JOIN point_account a}, with {@code tierCondition} (a SQL
     * condition with its own parameters) for the tier when one is asked for.
     */
    public TransactionFilter.Where where(Instant now, Optional<TransactionFilter.Where> tierCondition) {
        Conditions conditions = new Conditions();
        search.ifPresent(term -> {
            String pattern = "%" + TransactionFilter.likeEscaped(term) + "%";
            if (term.matches("\\d{1,18}")) {
                conditions.add(
                        "(m.email LIKE ? ESCAPE '!' OR m.display_name LIKE ? ESCAPE '!' OR m.user_id = ?)",
                        pattern,
                        pattern,
                        Long.parseLong(term));
            } else {
                conditions.add("(m.email LIKE ? ESCAPE '!' OR m.display_name LIKE ? ESCAPE '!')", pattern, pattern);
            }
        });
        tierCondition.ifPresent(conditions::add);
        status.ifPresent(value -> conditions.add("m.status = ?", value));
        minBalance.ifPresent(value -> conditions.add("COALESCE(a.balance, 0) >= ?", value));
        maxBalance.ifPresent(value -> conditions.add("COALESCE(a.balance, 0) <= ?", value));
        activeDays.ifPresent(days -> conditions.add(LAST_ACTIVITY + " >= ?", now.minusSeconds(days * 86_400L)));
        idleDays.ifPresent(days -> conditions.add(LAST_ACTIVITY + " < ?", now.minusSeconds(days * 86_400L)));
        return conditions.where();
    }

    /** The query string that reproduces this filter (paging, sorting and export links). */
    public String toQuery() {
        QueryString query = new QueryString();
        search.ifPresent(value -> query.add("q", value));
        tier.ifPresent(value -> query.add("tier", value));
        status.ifPresent(value -> query.add("status", value));
        minBalance.ifPresent(value -> query.add("min", Long.toString(value)));
        maxBalance.ifPresent(value -> query.add("max", Long.toString(value)));
        activeDays.ifPresent(value -> query.add("active", Integer.toString(value)));
        idleDays.ifPresent(value -> query.add("idle", Integer.toString(value)));
        return query.toString();
    }
}
