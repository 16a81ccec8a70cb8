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

/** {@code POST /earn}: credit points (types earn, referral, birthday, refund, positive adjust). */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("earn")
@Produces(PointsApi.JSON)
public class EarnResource {
    @Inject
    PointsService points;

    @Inject
    HttpServletRequest request;

    @POST
    public WriteBody earn() {
        return LedgerWire.written(points.earn(WriteCommands.earn(JsonBody.of(request))));
    }
}
