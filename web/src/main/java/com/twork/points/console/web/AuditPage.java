package com.twork.points.console.web;

import com.twork.points.audit.boundary.AuditService;
import com.twork.points.audit.boundary.ChainVerification;
import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.ConsoleRows.AuditRow;
import com.twork.points.console.boundary.Paged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** {@code audit.xhtml}: the audit log, newest first, by member and/or actor, with the hash chain verified. */
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

    @PostConstruct
    void load() {
        Optional<String> actor = Optional.of(console.param("actor")).filter(value -> !value.isEmpty());
        page = queries.audit(console.longParam("member"), actor, console.pageParam(), PER_PAGE);
        chain = audit.verify();
    }

    public Paged<AuditRow> getPage() {
        return page;
    }

    public ChainVerification getChain() {
        return chain;
    }

    public String getPageBase() {
        return "?member=" + Console.encode(console.param("member")) + "&actor=" + Console.encode(console.param("actor"))
                + "&";
    }
}
