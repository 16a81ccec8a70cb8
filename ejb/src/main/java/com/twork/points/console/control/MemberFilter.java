package com.twork.points.console.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        search.ifPresent(term -> {
            String pattern = "%" + TransactionFilter.likeEscaped(term) + "%";
            boolean id = term.matches("\\d{1,18}");
            conditions.add("(m.email LIKE ? ESCAPE '!' OR m.display_name LIKE ? ESCAPE '!'"
                    + (id ? " OR m.user_id = ?)" : ")"));
            parameters.add(pattern);
            parameters.add(pattern);
            if (id) {
                parameters.add(Long.parseLong(term));
            }
        });
        tierCondition.ifPresent(condition -> {
            conditions.add(condition.clause());
            parameters.addAll(condition.parameters());
        });
        status.ifPresent(value -> {
            conditions.add("m.status = ?");
            parameters.add(value);
        });
        minBalance.ifPresent(value -> {
            conditions.add("COALESCE(a.balance, 0) >= ?");
            parameters.add(value);
        });
        maxBalance.ifPresent(value -> {
            conditions.add("COALESCE(a.balance, 0) <= ?");
            parameters.add(value);
        });
        activeDays.ifPresent(days -> {
            conditions.add(LAST_ACTIVITY + " >= ?");
            parameters.add(now.minusSeconds(days * 86_400L));
        });
        idleDays.ifPresent(days -> {
            conditions.add(LAST_ACTIVITY + " < ?");
            parameters.add(now.minusSeconds(days * 86_400L));
        });
        return new TransactionFilter.Where(
                conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), List.copyOf(parameters));
    }

    /** The query string that reproduces this filter (paging, sorting and export links). */
    public String toQuery() {
        StringBuilder query = new StringBuilder();
        search.ifPresent(value -> append(query, "q", value));
        tier.ifPresent(value -> append(query, "tier", value));
        status.ifPresent(value -> append(query, "status", value));
        minBalance.ifPresent(value -> append(query, "min", Long.toString(value)));
        maxBalance.ifPresent(value -> append(query, "max", Long.toString(value)));
        activeDays.ifPresent(value -> append(query, "active", Integer.toString(value)));
        idleDays.ifPresent(value -> append(query, "idle", Integer.toString(value)));
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
