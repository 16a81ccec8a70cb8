package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.PointsQueryService;
import com.twork.points.platform.rest.PointsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code GET /balance/{user_id}}. A user id that is not 1 to 18 digits (no leading zero) is an unknown route (404 rest_no_route). */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("balance")
@Produces(PointsApi.JSON)
public class BalancesResource {
    @Inject
    PointsQueryService points;

    @GET
    @Path("{user_id: [1-9][0-9]{0,17}}")
    public BalanceBody balance(@PathParam("user_id") long userId) {
        return LedgerWire.balance(points.balance(userId));
    }
}
