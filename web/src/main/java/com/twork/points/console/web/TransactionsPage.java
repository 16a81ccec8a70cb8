package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.boundary.Paged;
import com.twork.points.console.control.TransactionFilter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** {@code transactions.xhtml}: filters (type, member, order, text, dates), newest first, paged; CSV export. */
@Named
@RequestScoped
public class TransactionsPage {
    static final int PER_PAGE = 50;

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private TransactionFilter filter;
    private Paged<TransactionRow> page;
    private String problem;

    @PostConstruct
    void load() {
        filter = TransactionFilters.from(console::param);
        problem = TransactionFilters.problem(console::param).orElse(null);
        // A filter that could not be read shows nothing: the full list under an error reads as the answer.
        page = problem == null
                ? queries.transactions(filter, console.pageParam(), PER_PAGE)
                : new Paged<>(List.of(), 0, 1, PER_PAGE);
    }

    public Paged<TransactionRow> getPage() {
        return page;
    }

    /** A filter that could not be read (and was left out), in words; null when all were understood. */
    public String getProblem() {
        return problem;
    }

    public List<String> getTypes() {
        return TransactionFilter.TYPES.stream().sorted().toList();
    }

    public String value(String name) {
        return console.param(name);
    }

    public String getPageBase() {
        String query = filter.toQuery();
        return "?" + (query.isEmpty() ? "" : query + "&");
    }

    public String getExportLink() {
        String query = filter.toQuery();
        return "transactions.csv" + (query.isEmpty() ? "" : "?" + query);
    }
}
