package com.twork.points.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The enterprise deployment: the EAR on Payara Server Full (a fresh domain on free ports), configured through
 * system properties like production, answering the balance route from a real MariaDB.
 */
class EarSmokeIT {
    private static final Path TARGET =
            Path.of(System.getProperty("twork.ear.target", "target")).toAbsolutePath();

    @Test
    void theEarDeploysOnPayaraServerAndAnswersTheBalanceRoute() throws Exception {
        Path asadmin = TARGET.resolve("payara-server/payara6/bin/asadmin");
        Path ear = TARGET.resolve("twork-points.ear");
        assertTrue(Files.isExecutable(asadmin) || asadmin.toFile().setExecutable(true), "asadmin at " + asadmin);
        Path domains = TARGET.resolve("smoke-domains");
        // A domain left by an earlier run in the same target folder would make create-domain refuse.
        Folders.deleteTree(domains);
        int base = freePortBase();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(TARGET.resolve("smoke-mariadb"))) {
            asadmin(
                    asadmin,
                    "create-domain",
                    "--nopassword",
                    "--portbase",
                    Integer.toString(base),
                    "--domaindir",
                    domains.toString(),
                    "smoke");
            try {
                asadmin(asadmin, "start-domain", "--domaindir", domains.toString(), "smoke");
                String admin = Integer.toString(base + 48);
                String url = database.jdbcUrl().replace(":", "\\:");
                asadmin(
                        asadmin,
                        "--port",
                        admin,
                        "create-system-properties",
                        "twork.db.url=" + url + ":twork.db.user=" + EmbeddedDatabase.USER + ":twork.db.password="
                                + EmbeddedDatabase.PASSWORD);
                asadmin(asadmin, "--port", admin, "deploy", ear.toString());
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (base + 80)
                                                + "/wp-json/twork/v1/points/balance/1"))
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(401, response.statusCode(), response.body());
                assertTrue(response.body().contains("\"code\":\"rest_forbidden\""), response.body());
                HttpResponse<String> console = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + (base + 80) + "/admin/login.xhtml"))
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, console.statusCode(), "the console's login page renders on Payara Server too");
                assertTrue(console.body().contains("name=\"_csrf\""), console.body());
            } finally {
                asadmin(asadmin, "stop-domain", "--domaindir", domains.toString(), "smoke");
            }
        }
    }

    /** A base whose Payara ports (admin +48, http +80, https +81, IIOP +37..39, JMS +76, JMX +86...) are free. */
    private static int freePortBase() {
        int[] offsets = {48, 80, 81, 37, 38, 39, 76, 86, 66, 9, 0};
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(400) * 100;
            boolean free = true;
            for (int offset : offsets) {
                free &= Ports.isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for Payara Server");
    }

    private static void asadmin(Path asadmin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", asadmin.toString()));
        command.addAll(List.of(args));
        Path log = TARGET.resolve("smoke-asadmin.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + args[0] + " took more than 5 minutes");
        }
        assertEquals(
                0,
                process.exitValue(),
                "asadmin " + String.join(" ", args) + ": see " + log + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
    }
}
