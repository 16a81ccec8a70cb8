package com.twork.points.platform.rest;

import static com.twork.points.it.Fixtures.newMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §3.0: route, then query parameters, then authentication, then the target member. */
@ExtendWith(SharedServer.class)
class OrderOfChecksIT {
    private final Fixtures.Key key = Fixtures.newKey("read");

    @Test
    void unknownRoutesAndMethodsAre404BeforeAnythingElse() {
        Api.get("/nothing-here").assertError(404, "rest_no_route");
        Api.get("/balance/abc").assertError(404, "rest_no_route");
        Api.get("/balance/-5").assertError(404, "rest_no_route");
        Api.get("/balance/1234567890123456789").assertError(404, "rest_no_route");
        Api.get("/balance").assertError(404, "rest_no_route");
        Reply wrongMethod =
                Api.send(Api.request(Api.PREFIX + "/balance/5").DELETE().build());
        assertEquals(
                "No route was found matching the URL and request method.",
                wrongMethod.assertError(404, "rest_no_route").getString("message"));
    }

    @Test
    void badQueryParametersComeBeforeAuthentication() {
        Api.get("/transactions/5?per_page=-3").assertError(400, "rest_invalid_param");
    }

    @Test
    void authenticationComesBeforeTheMemberCheck() {
        Api.get("/balance/999999999998").assertError(401, "rest_forbidden");
        Api.get("/balance/" + newMember("inactive")).assertError(401, "rest_forbidden");
        Api.get("/balance/" + newMember("inactive"), Fixtures.newKey("write"))
                .assertError(403, "rest_forbidden_permission");
    }

    @Test
    void theMemberCheckComesLast() {
        Api.get("/transactions/999999999997?per_page=5", key).assertError(404, "rest_invalid_user");
        Api.get("/transactions/" + newMember("inactive"), key).assertError(403, "rest_user_inactive");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Reply generated = Api.get("/balance/1");
        assertTrue(generated.header("X-Request-Id").orElse("").length() >= 16);
        Reply echoed = Api.send(Api.request(Api.PREFIX + "/nothing")
                .header("X-Request-Id", "app-42.retry-1")
                .GET()
                .build());
        assertEquals("app-42.retry-1", echoed.header("X-Request-Id").orElseThrow());
        Reply replaced = Api.send(Api.request(Api.PREFIX + "/nothing")
                .header("X-Request-Id", "bad id with spaces")
                .method("GET", HttpRequest.BodyPublishers.noBody())
                .build());
        assertTrue(!replaced.header("X-Request-Id").orElseThrow().contains(" "));
    }
}
