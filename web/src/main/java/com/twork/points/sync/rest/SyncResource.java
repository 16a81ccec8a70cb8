package com.twork.points.sync.rest;

import com.twork.points.platform.rest.ApplicationFailureMapper;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.sync.boundary.SyncItemResult;
import com.twork.points.sync.boundary.SyncOutcome;
import com.twork.points.sync.boundary.SyncService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code POST /sync}: the app's bulk re-post of its cached transactions. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("sync")
@Produces(PointsApi.JSON)
public class SyncResource {
    @Inject
    SyncService sync;

    @Inject
    HttpServletRequest request;

    @POST
    public SyncBody sync() {
        JsonBody body = JsonBody.of(request);
        return body(sync.sync(SyncRequests.batch(body, body.object())));
    }

    static SyncBody body(SyncOutcome outcome) {
        List<SyncItemBody> results =
                outcome.results().stream().map(SyncResource::item).toList();
        List<String> errors = results.stream()
                .filter(result -> SyncItemResult.Status.REJECTED.wire().equals(result.status()))
                .map(result -> "Item " + result.index() + (result.id() == null ? "" : " (id " + result.id() + ")")
                        + ": " + result.message())
                .toList();
        return new SyncBody(
                errors.isEmpty(),
                outcome.count(SyncItemResult.Status.APPLIED),
                results.size(),
                errors,
                outcome.newBalance(),
                results);
    }

    private static SyncItemBody item(SyncItemResult result) {
        String code = switch (result.status()) {
            case APPLIED -> null;
            case DUPLICATE -> "duplicate";
            case IGNORED -> "ignored_type";
            case REJECTED ->
                result.failure().map(ApplicationFailureMapper::codeOf).orElse("rejected");
        };
        String message = switch (result.status()) {
            case APPLIED -> null;
            case DUPLICATE ->
                "Already recorded as transaction " + result.transactionId().orElse(0L);
            case IGNORED -> "Expiry is decided by the server; the item was not applied";
            case REJECTED -> result.failure().map(Throwable::getMessage).orElse("Rejected");
        };
        return new SyncItemBody(
                result.index(),
                result.id().orElse(null),
                result.status().wire(),
                result.transactionId().orElse(null),
                code,
                message);
    }
}
