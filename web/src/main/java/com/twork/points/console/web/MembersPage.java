package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.MemberRow;
import com.twork.points.console.boundary.Paged;
import com.twork.points.console.control.MemberFilter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code members.xhtml}: search by id, e-mail or name; filter by tier, status, balance range and last activity;
 * sort; choose rows per page; CSV export of the same rows. Every state of the list is in its URL, so a link or a
 * reload shows the same page. Each row links to the member.
 */
@Named
@RequestScoped
public class MembersPage {
    static final int PER_PAGE = 25;
    static final Set<String> SORTS = Set.of("id", "name", "email", "balance", "earned", "activity");

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private MemberFilter filter;
    private List<String> problems;
    private Map<String, String> tiers;
    private String sort;
    private boolean descending;
    private int perPage;
    private Paged<MemberRow> page;

    @PostConstruct
    void load() {
        tiers = queries.tierChoices();
        filter = MemberFilters.from(console::param, tiers.keySet());
        problems = MemberFilters.problems(console::param, tiers.keySet());
        sort = SORTS.contains(console.param("sort")) ? console.param("sort") : "id";
        descending = "desc".equals(console.param("dir"));
        perPage = console.perPage(PER_PAGE);
        page = problems.isEmpty()
                ? queries.members(filter, sort, descending, console.pageParam(), perPage)
                : new Paged<>(List.of(), 0, 1, perPage);
    }

    public Paged<MemberRow> getPage() {
        return page;
    }

    /** What could not be read in the filters (then no rows are shown); empty when all was understood. */
    public List<String> getProblems() {
        return problems;
    }

    public boolean isFiltered() {
        return !filter.toQuery().isEmpty();
    }

    public Map<String, String> getTiers() {
        return tiers;
    }

    public String getSort() {
        return sort;
    }

    public boolean isDescending() {
        return descending;
    }

    public int getPerPage() {
        return perPage;
    }

    public String value(String name) {
        return console.param(name);
    }

    /** The link that sorts by {@code column}: ascending first, the other way when it already sorts by it. */
    public String sortLink(String column) {
        boolean flip = column.equals(sort) && !descending;
        return "?" + withFilter("sort=" + column + "&dir=" + (flip ? "desc" : "asc") + "&per=" + perPage);
    }

    /** {@code aria-sort} for a column header. */
    public String ariaSort(String column) {
        return column.equals(sort) ? (descending ? "descending" : "ascending") : "none";
    }

    /** The start of a page link (the pager appends {@code page=N}): filters, sort and rows per page. */
    public String getPageBase() {
        return "?" + withFilter("sort=" + sort + "&dir=" + (descending ? "desc" : "asc") + "&per=" + perPage) + "&";
    }

    public String getExportLink() {
        return "members.csv?" + withFilter("sort=" + sort + "&dir=" + (descending ? "desc" : "asc"));
    }

    private String withFilter(String rest) {
        String query = filter.toQuery();
        return query.isEmpty() ? rest : query + "&" + rest;
    }
}
