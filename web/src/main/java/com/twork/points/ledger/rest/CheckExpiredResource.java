package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.PointsService;
import com.twork.points.platform.rest.PointsApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code POST /check-expired/{user_id}}: expires the member's due lots now. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("check-expired")
@Produces(PointsApi.JSON)
public class CheckExpiredResource {
    @Inject
    PointsService points;

    /** Only unconsumed remainders expire [fix: the plugin expired whole lots, spent points included]. */
    @POST
    @Path("{user_id: [0-9]{1,18}}")
    public Object checkExpired(@PathParam("user_id") long userId) {
        return points.expireNow(userId)
                .<Object>map(LedgerWire::expired)
                .orElseGet(() -> new CheckExpiredRefusal(false, 0, "Invalid user ID."));
    }
}
