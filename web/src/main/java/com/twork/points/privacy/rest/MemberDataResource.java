package com.twork.points.privacy.rest;

import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.privacy.boundary.ErasureResult;
import com.twork.points.privacy.boundary.PrivacyService;
import com.twork.points.privacy.control.MemberExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * {@code GET /members/{user_id}/export} (one JSON document with everything stored about the member, streamed) and
 * {@code POST /members/{user_id}/erase} ({@code {"reason": "..."}}, ADMIN only). docs/privacy.md.
 */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("members")
@Produces(PointsApi.JSON)
public class MemberDataResource {
    static final int MAX_REASON = 1_000;

    @Inject
    PrivacyService privacy;

    @Inject
    MemberExport export;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("{user_id: [1-9][0-9]{0,17}}/export")
    public Response export(@PathParam("user_id") long userId) {
        // Authorised and checked before the first byte: a refusal is still a proper error envelope.
        MemberExport.Derived derived = privacy.export(userId);
        StreamingOutput document = out -> export.write(userId, derived, out);
        return Response.ok(document, PointsApi.JSON)
                .header("Content-Disposition", "attachment; filename=\"twork-points-member-" + userId + ".json\"")
                .build();
    }

    @POST
    @Path("{user_id: [1-9][0-9]{0,17}}/erase")
    public ErasureBody erase(@PathParam("user_id") long userId) {
        String reason = JsonBody.of(request).text("reason", MAX_REASON).value().orElse(null);
        ErasureResult result = privacy.erase(userId, reason);
        return new ErasureBody(
                true,
                result.userId(),
                "erased",
                result.alreadyErased(),
                result.auditId().orElse(null),
                result.removed());
    }
}
