package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.PointsService;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code POST /redeem}: spend points, soonest-expiring lots first; never more than the balance. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("redeem")
@Produces(PointsApi.JSON)
public class RedeemResource {
    @Inject
    PointsService points;

    @Inject
    HttpServletRequest request;

    @POST
    public WriteBody redeem() {
        return LedgerWire.written(points.redeem(WriteCommands.redeem(JsonBody.of(request))));
    }
}
