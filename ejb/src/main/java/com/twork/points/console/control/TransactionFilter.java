package com.twork.points.console.control;

import com.twork.points.ledger.entity.OrderKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's transaction filters (type, member, order, free text, date range in the site's time zone), turned
 * into one SQL {@code WHERE} clause with positional parameters. The list page and the CSV export use the same
 * clause, so the export holds exactly the rows the page shows.
 */
public record TransactionFilter(
        Optional<String> type,
        Optional<Long> userId,
        Optional<String> orderId,
        Optional<String> search,
        Optional<LocalDate> from,
        Optional<LocalDate> to) {

    public static final Set<String> TYPES =
            Set.of("earn", "referral", "birthday", "refund", "adjust", "redeem", "expire");

    public static TransactionFilter none() {
        return new TransactionFilter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A {@code WHERE} clause over {@code point_transaction t} and its parameters, in order. */
    public Where where(ZoneId siteZone) {
        Conditions conditions = new Conditions();
        type.filter(TYPES::contains).ifPresent(value -> conditions.add("t.type = ?", value));
        userId.ifPresent(value -> conditions.add("t.user_id = ?", value));
        // "5048", "WC-5048" and "#5048" are one order (SPEC §5.4): match the normalised key, as the API does.
        orderId.ifPresent(value -> conditions.add(
                "t.order_key = ?", OrderKeys.normalise(value) == null ? value : OrderKeys.normalise(value)));
        search.ifPresent(value -> {
            String pattern = "%" + likeEscaped(value) + "%";
            conditions.add("(t.description LIKE ? ESCAPE '!' OR t.order_id LIKE ? ESCAPE '!')", pattern, pattern);
        });
        from.ifPresent(day -> conditions.add("t.created_at >= ?", startOf(day, siteZone)));
        to.ifPresent(day -> conditions.add("t.created_at < ?", startOf(day.plusDays(1), siteZone)));
        return conditions.where();
    }

    /** The query string that reproduces this filter (for paging links and the export link). */
    public String toQuery() {
        QueryString query = new QueryString();
        type.ifPresent(value -> query.add("type", value));
        userId.ifPresent(value -> query.add("member", Long.toString(value)));
        orderId.ifPresent(value -> query.add("order", value));
        search.ifPresent(value -> query.add("q", value));
        from.ifPresent(value -> query.add("from", value.toString()));
        to.ifPresent(value -> query.add("to", value.toString()));
        return query.toString();
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Escapes LIKE wildcards with {@code !} so a search for "50%" means the characters, not a pattern. */
    public static String likeEscaped(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A clause and its parameters. */
    public record Where(String clause, List<Object> parameters) {}
}
