package com.twork.points.console.boundary;

import java.util.List;

/** One page of a list the database paged, with what the page links need. Pages count from 1. */
public record Paged<T>(List<T> rows, long total, int page, int perPage) {
    public long totalPages() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The page to show when {@code page} was asked for: at least 1 and at most the last page, so "?page=99" of five
     * pages shows page 5 and says so.
     */
    public static int clamp(int page, long total, int perPage) {
        long last = Math.max(1, (total + perPage - 1) / perPage);
        return (int) Math.max(1, Math.min(page, last));
    }

    /** The {@code OFFSET} of a page, the page number clamped to at least 1. */
    static int offset(int page, int perPage) {
        return (Math.max(1, page) - 1) * perPage;
    }
}
