package com.twork.points.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §9: the OpenAPI document at /openapi lists every route of the points API. */
@ExtendWith(SharedServer.class)
class OpenApiIT {
    static final List<String> ROUTES = List.of(
            "/balance/{user_id}",
            "/transactions/{user_id}",
            "/earn",
            "/redeem",
            "/expiring/{user_id}",
            "/check-expired/{user_id}",
            "/referral",
            "/birthday",
            "/sync",
            "/members/{user_id}",
            "/members/{user_id}/export",
            "/members/{user_id}/erase",
            "/auth/login",
            "/auth/logout",
            "/auth/nonce",
            "/auth/whoami",
            "/webhooks/woocommerce");

    @Test
    void everyRouteIsDocumented() {
        Reply document = Api.send(Api.request("/openapi")
                .header("Accept", "application/json")
                .GET()
                .build());
        assertEquals(200, document.status(), document.body());
        String json = document.body();
        List<String> missing = new ArrayList<>();
        for (String route : ROUTES) {
            if (!json.contains("\"" + Api.PREFIX + route + "\"")) {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, json.length() > 3000 ? json.substring(0, 3000) : json);
        assertTrue(json.contains("ErrorBody"), "the error envelope is described");
    }

    @Test
    void theBrowsablePageAndItsScriptsAreServed() {
        Reply page = Api.send(Api.request("/api-docs/").GET().build());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        assertEquals(
                200,
                Api.send(Api.request("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")
                                .GET()
                                .build())
                        .status());
        assertTrue(
                Api.send(Api.request("/api-docs/init.js").GET().build()).body().contains("../openapi"));
    }
}
