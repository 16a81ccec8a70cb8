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

/** {@code POST /referral}: the referral bonus, paid once per referred member. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("referral")
@Produces(PointsApi.JSON)
public class ReferralResource {
    @Inject
    PointsService points;

    @Inject
    HttpServletRequest request;

    @POST
    public BonusBody referral() {
        JsonBody body = JsonBody.of(request);
        return LedgerWire.bonus(
                points.referral(WriteCommands.userId(body, "user_id"), WriteCommands.userId(body, "referred_user_id")));
    }
}
