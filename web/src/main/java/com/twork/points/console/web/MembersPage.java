package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.MemberRow;
import com.twork.points.console.boundary.Paged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/** {@code members.xhtml}: search by id, e-mail or name; sort; page. Each row links to the member. */
@Named
@RequestScoped
public class MembersPage {
    static final int PER_PAGE = 25;
    private static final Set<String> SORTS = Set.of("id", "name", "email", "balance");

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private String search;
    private String sort;
    private boolean descending;
    private Paged<MemberRow> page;

    @PostConstruct
    void load() {
        search = console.param("q");
        sort = SORTS.contains(console.param("sort")) ? console.param("sort") : "id";
        descending = "desc".equals(console.param("dir"));
        page = queries.members(search, sort, descending, console.pageParam(), PER_PAGE);
    }

    public Paged<MemberRow> getPage() {
        return page;
    }

    public String getSearch() {
        return search;
    }

    public String getSort() {
        return sort;
    }

    public boolean isDescending() {
        return descending;
    }

    /** The link that sorts by {@code column}: ascending first, the other way when it already sorts by it. */
    public String sortLink(String column) {
        boolean flip = column.equals(sort) && !descending;
        return "?q=" + Console.encode(search) + "&sort=" + column + "&dir=" + (flip ? "desc" : "asc");
    }

    /** {@code aria-sort} for a column header. */
    public String ariaSort(String column) {
        return column.equals(sort) ? (descending ? "descending" : "ascending") : "none";
    }

    /** The start of a page link (the pager appends {@code page=N}). */
    public String getPageBase() {
        return "?q=" + Console.encode(search) + "&sort=" + sort + "&dir=" + (descending ? "desc" : "asc") + "&";
    }
}
