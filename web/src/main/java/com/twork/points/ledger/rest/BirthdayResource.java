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

/** {@code POST /birthday}: the birthday bonus, once per year and only near a known birthday. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("birthday")
@Produces(PointsApi.JSON)
public class BirthdayResource {
    @Inject
    PointsService points;

    @Inject
    HttpServletRequest request;

    @POST
    public BonusBody birthday() {
        return LedgerWire.bonus(points.birthday(WriteCommands.userId(JsonBody.of(request), "user_id")));
    }
}
