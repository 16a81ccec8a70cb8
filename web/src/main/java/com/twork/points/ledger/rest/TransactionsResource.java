package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.HistoryPage;
import com.twork.points.ledger.boundary.PointsQueryService;
import com.twork.points.ledger.control.HistoryFilter;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.platform.rest.QueryParameters;
import com.twork.points.rule.boundary.AwardExplanations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@code GET /transactions/{user_id}}: paged history, newest first with ties broken by id. {@code per_page} 0
 * means the default and values above 100 are clamped [fix: the plugin let any page size through]; a
 * {@code user_id} query parameter never overrides the path [fix].
 */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("transactions")
@Produces(PointsApi.JSON)
public class TransactionsResource {
    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;
    private static final List<String> TYPES =
            Arrays.stream(TransactionType.values()).map(TransactionType::wire).toList();

    @Inject
    PointsQueryService points;

    @Inject
    AwardExplanations explanations;

    @GET
    @Path("{user_id: [1-9][0-9]{0,17}}")
    public TransactionListBody list(@PathParam("user_id") long userId, @Context UriInfo uri) {
        QueryParameters query = new QueryParameters(uri.getQueryParameters());
        int page = Math.max(1, query.count("page").orElse(1));
        int perPage = query.count("per_page").orElse(DEFAULT_PER_PAGE);
        perPage = perPage == 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        HistoryFilter filter = new HistoryFilter(
                query.oneOf("type", TYPES).flatMap(TransactionType::fromWire),
                query.text("search"),
                query.text("order_id"),
                query.dateTime("from"),
                query.dateTime("to"),
                statuses(query),
                query.oneOf("order", List.of("asc", "desc")).map("asc"::equals).orElse(false));
        query.requireValid();
        HistoryPage rows = points.history(userId, filter, page, perPage);
        return AwardBreakdowns.added(LedgerWire.history(rows), userId, rows, explanations);
    }

    /** {@code status=pending,void} or {@code status=all}; available rows only when absent. */
    private static Set<TransactionStatus> statuses(QueryParameters query) {
        Set<TransactionStatus> statuses = EnumSet.noneOf(TransactionStatus.class);
        String text = query.text("status").orElse("available");
        if ("all".equals(text)) {
            return EnumSet.allOf(TransactionStatus.class);
        }
        for (String part : text.split(",")) {
            TransactionStatus.fromWire(part.trim())
                    .ifPresentOrElse(
                            statuses::add,
                            () -> query.problem("status", "status must be all or a list of available, pending, void."));
        }
        return statuses;
    }
}
