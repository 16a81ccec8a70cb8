package com.twork.points.client;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Paging and filters of {@code GET /transactions/{user_id}}. Every setter returns a new query; unset filters are
 * not sent, so the server's defaults apply (page 1, 20 per page, newest first, available rows only).
 */
public final class TransactionQuery {
    private final Map<String, String> parameters;

    private TransactionQuery(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public static TransactionQuery firstPage() {
        return new TransactionQuery(Map.of());
    }

    public TransactionQuery page(int page) {
        return with("page", Checks.atLeast(page, 1, "page"));
    }

    /** 1 to 100 (the server clamps larger values to 100). */
    public TransactionQuery perPage(int perPage) {
        return with("per_page", Checks.atLeast(perPage, 1, "perPage"));
    }

    public TransactionQuery type(PointType type) {
        return with("type", type.wire());
    }

    /** Rows whose description or order id contains the text. */
    public TransactionQuery search(String text) {
        return with("search", Checks.text(text, "search"));
    }

    /** Rows of one order ({@code 77} also finds {@code WC-77}). */
    public TransactionQuery orderId(String orderId) {
        return with("order_id", Checks.text(orderId, "orderId"));
    }

    public TransactionQuery from(LocalDate day) {
        return with("from", day.toString());
    }

    /** Site time, as the history shows it. */
    public TransactionQuery from(LocalDateTime siteTime) {
        return with("from", siteTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    public TransactionQuery from(OffsetDateTime time) {
        return with("from", time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** A bare date includes that whole day. */
    public TransactionQuery to(LocalDate day) {
        return with("to", day.toString());
    }

    public TransactionQuery to(LocalDateTime siteTime) {
        return with("to", siteTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    public TransactionQuery to(OffsetDateTime time) {
        return with("to", time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    public TransactionQuery oldestFirst() {
        return with("order", "asc");
    }

    public TransactionQuery newestFirst() {
        return with("order", "desc");
    }

    /** Rows in any of these states (default: available only). */
    public TransactionQuery statuses(TransactionStatus... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("statuses: name at least one");
        }
        return with(
                "status", Arrays.stream(statuses).map(TransactionStatus::wire).collect(Collectors.joining(",")));
    }

    public TransactionQuery allStatuses() {
        return with("status", "all");
    }

    Map<String, String> parameters() {
        return parameters;
    }

    private TransactionQuery with(String name, Object value) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        next.put(name, String.valueOf(value));
        return new TransactionQuery(next);
    }

    @Override
    public String toString() {
        return "TransactionQuery" + parameters;
    }
}
