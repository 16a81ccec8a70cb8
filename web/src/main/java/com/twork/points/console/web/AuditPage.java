package com.twork.points.console.web;

import com.twork.points.audit.boundary.AuditService;
import com.twork.points.audit.boundary.ChainVerification;
import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.AuditRow;
import com.twork.points.console.boundary.ConsoleRows.TransactionRow;
import com.twork.points.console.boundary.Paged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code audit.xhtml}: the audit log, newest first, by member, actor (id, login or key description) and/or ledger
 * row, people shown by name, with the hash chain verified.
 */
@Named
@RequestScoped
public class AuditPage {
    static final int PER_PAGE = 50;

    @Inject
    ConsoleQueries queries;

    @Inject
    AuditService audit;

    @Inject
    Console console;

    private Paged<AuditRow> page;
    private ChainVerification chain;
    private Map<String, String> names = Map.of();
    private Optional<TransactionRow> transaction = Optional.empty();

    @PostConstruct
    void load() {
        Optional<String> actor = Optional.of(console.param("actor")).filter(value -> !value.isEmpty());
        // A ledger row's entries: the row itself (an adjustment) and the row that voided it, if any.
        transaction = console.longParam("transaction").flatMap(queries::transaction);
        List<Long> rows = transaction
                .map(row -> row.voidedBy().map(by -> List.of(row.id(), by)).orElse(List.of(row.id())))
                .orElse(List.of());
        if (!console.param("transaction").isEmpty() && transaction.isEmpty()) {
            console.error("There is no transaction " + console.param("transaction") + ".");
            page = new Paged<>(List.of(), 0, 1, PER_PAGE);
        } else {
            page = queries.audit(console.longParam("member"), actor, rows, console.pageParam(), PER_PAGE);
            names = queries.people(page.rows().stream().map(AuditRow::actor).collect(Collectors.toSet()));
        }
        chain = audit.verify();
    }

    /** A person's name for an actor id (login, key description), or the id itself. */
    public String name(String actor) {
        return names.getOrDefault(actor, actor);
    }

    /** The ledger row whose entries are shown ({@code ?transaction=N}), or null. */
    public TransactionRow getTransaction() {
        return transaction.orElse(null);
    }

    public Paged<AuditRow> getPage() {
        return page;
    }

    public ChainVerification getChain() {
        return chain;
    }

    public String getPageBase() {
        return "?member=" + Console.encode(console.param("member")) + "&actor=" + Console.encode(console.param("actor"))
                + "&transaction=" + Console.encode(console.param("transaction")) + "&";
    }
}
