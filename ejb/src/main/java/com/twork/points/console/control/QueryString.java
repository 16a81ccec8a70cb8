package com.twork.points.console.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The query string that reproduces a console filter (paging, sorting and export links), values URL-encoded. */
final class QueryString {
    private final StringBuilder query = new StringBuilder();

    QueryString add(String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
