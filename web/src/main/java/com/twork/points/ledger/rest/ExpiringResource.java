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

/** {@code GET /expiring/{user_id}}: the open lots that expire within 30 days, soonest first. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("expiring")
@Produces(PointsApi.JSON)
public class ExpiringResource {
    @Inject
    PointsQueryService queries;

    @GET
    @Path("{user_id: [1-9][0-9]{0,17}}")
    public ExpiringBody expiring(@PathParam("user_id") long userId) {
        return LedgerWire.expiring(queries.expiring(userId));
    }
}
