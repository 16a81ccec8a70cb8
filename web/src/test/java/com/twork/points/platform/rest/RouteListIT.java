package com.twork.points.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.twork.points.it.SharedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The route list Payara prints at start-up is what an operator reads to learn what the server answers: every
 * points route appears there once, under the prefix, and none with an empty path segment.
 */
@ExtendWith(SharedServer.class)
class RouteListIT {
    private static final String HEADER = "'ROOT' REST Endpoints:";
    private static final String PREFIX = "/wp-json/twork/v1/points/";

    @Test
    void everyPointsRouteIsListedWithoutDoubleSlash() throws Exception {
        List<String> routes = routes();

        List<String> points = routes.stream()
                .filter(route -> route.contains(PREFIX))
                .filter(route -> !route.endsWith("application.wadl"))
                .toList();
        assertEquals(
                List.of(
                        "POST " + PREFIX + "auth/login",
                        "POST " + PREFIX + "auth/logout",
                        "GET " + PREFIX + "auth/nonce",
                        "GET " + PREFIX + "auth/whoami",
                        "GET " + PREFIX + "balance/{user_id: [1-9][0-9]{0,17}}",
                        "POST " + PREFIX + "birthday",
                        "POST " + PREFIX + "check-expired/{user_id: [0-9]{1,18}}",
                        "POST " + PREFIX + "earn",
                        "GET " + PREFIX + "expiring/{user_id: [1-9][0-9]{0,17}}",
                        "GET " + PREFIX + "members/{user_id: [1-9][0-9]{0,17}}",
                        "PUT " + PREFIX + "members/{user_id: [1-9][0-9]{0,17}}",
                        "POST " + PREFIX + "members/{user_id: [1-9][0-9]{0,17}}/erase",
                        "GET " + PREFIX + "members/{user_id: [1-9][0-9]{0,17}}/export",
                        "POST " + PREFIX + "redeem",
                        "POST " + PREFIX + "referral",
                        "GET " + PREFIX + "rules",
                        "POST " + PREFIX + "rules",
                        "POST " + PREFIX + "rules/dry-run",
                        "POST " + PREFIX + "rules/preview",
                        "GET " + PREFIX + "rules/{id: [1-9][0-9]{0,17}}",
                        "PUT " + PREFIX + "rules/{id: [1-9][0-9]{0,17}}",
                        "POST " + PREFIX + "rules/{id: [1-9][0-9]{0,17}}/end",
                        "POST " + PREFIX + "rules/{id: [1-9][0-9]{0,17}}/pause",
                        "POST " + PREFIX + "rules/{id: [1-9][0-9]{0,17}}/resume",
                        "POST " + PREFIX + "sync",
                        "GET " + PREFIX + "transactions/{user_id: [1-9][0-9]{0,17}}",
                        "POST " + PREFIX + "webhooks/woocommerce"),
                points.stream()
                        .sorted(Comparator.comparing(route -> route.substring(route.indexOf(' '))))
                        .toList());
        for (String route : routes) {
            assertFalse(route.contains("//"), "double slash in the route list: " + route);
        }
    }

    /** The lines after the header up to the first blank one, as "METHOD path"; waits for the list to be complete. */
    private static List<String> routes() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> lines = Files.readAllLines(SharedServer.serverLog(), StandardCharsets.UTF_8);
            int header = lines.indexOf(HEADER);
            if (header >= 0) {
                List<String> routes = new ArrayList<>();
                for (String line : lines.subList(header + 1, lines.size())) {
                    if (line.isBlank()) {
                        return routes;
                    }
                    routes.add(line.trim().replace('\t', ' '));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "No complete route list after '" + HEADER + "' in " + SharedServer.serverLog());
            }
            Thread.sleep(200);
        }
    }
}
