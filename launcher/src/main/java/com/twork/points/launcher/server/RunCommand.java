package com.twork.points.launcher.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./twork run}: the embedded MariaDB (unless {@code TWORK_DB_URL} names an existing one), then Payara Micro
 * with the WAR on it; prints where everything is and runs until the process is asked to end.
 */
public final class RunCommand {
    private RunCommand() {}

    public static int run(PrintStream out) throws Exception {
        int port = LauncherConfig.httpPort();
        if (!Ports.isFree(port)) {
            throw new PayaraServer.PortTakenException(port);
        }
        Path dataDir = LauncherConfig.dataDir();
        Map<String, String> properties = new HashMap<>();
        EmbeddedDatabase embedded = database(out, dataDir, properties);
        properties.put(
                "twork.log.dir",
                LauncherConfig.value("twork.log.dir", dataDir.resolve("logs").toString()));
        LauncherConfig.value("twork.clock.test-shift-enabled")
                .ifPresent(value -> properties.put("twork.clock.test-shift-enabled", value));
        Path war = Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war"))
                .toAbsolutePath();
        Path payara = Path.of(LauncherConfig.value("twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                .toAbsolutePath();
        String host = LauncherConfig.httpHost();
        out.println("Starting Payara Micro on " + host + ":" + port + " ...");
        EmbeddedDatabase database = embedded;
        PayaraServer server;
        try {
            server = PayaraServer.launch(new PayaraServer.Options(
                    payara, war, host, port, dataDir.resolve("payara"), properties, null, Optional.empty()));
        } catch (RuntimeException e) {
            stopDatabase(database, dataDir);
            throw e;
        }
        // Stop Payara before the database, whenever this process is asked to end (Ctrl+C, kill).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopDatabase(database, dataDir);
        }));
        server.awaitReady();
        printWelcome(out, server);
        return server.waitFor();
    }

    /**
     * The existing MariaDB named by {@code TWORK_DB_URL}, else the embedded one started now (returned, to be stopped
     * with {@link #stopDatabase}); puts the server's database properties into {@code properties}.
     */
    static EmbeddedDatabase database(PrintStream out, Path dataDir, Map<String, String> properties) throws IOException {
        if (LauncherConfig.externalDatabaseUrl().isPresent()) {
            properties.put("twork.db.url", LauncherConfig.externalDatabaseUrl().get());
            properties.put("twork.db.user", LauncherConfig.databaseUser());
            properties.put("twork.db.password", LauncherConfig.databasePassword());
            out.println("Using the existing MariaDB at "
                    + LauncherConfig.externalDatabaseUrl().get());
            return null;
        }
        out.println("Starting the embedded MariaDB (data in " + dataDir.resolve("mariadb") + ") ...");
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir.resolve("mariadb"));
        Files.writeString(Database.portFile(dataDir), Integer.toString(embedded.port()));
        properties.put("twork.db.url", embedded.jdbcUrl());
        properties.put("twork.db.user", EmbeddedDatabase.USER);
        properties.put("twork.db.password", EmbeddedDatabase.PASSWORD);
        return embedded;
    }

    static void stopDatabase(EmbeddedDatabase database, Path dataDir) {
        if (database != null) {
            database.close();
            try {
                Files.deleteIfExists(Database.portFile(dataDir));
            } catch (IOException e) {
                System.err.println("Could not remove " + Database.portFile(dataDir) + ": " + e.getMessage());
            }
        }
    }

    private static void printWelcome(PrintStream out, PayaraServer server) {
        String base = server.baseUrl();
        out.println();
        out.println("T-Work Points is running.");
        out.println("  Listening: " + server.host() + ":" + server.port()
                + (server.host().startsWith("127.")
                        ? "   (this machine only; TWORK_HTTP_HOST=0.0.0.0 accepts other machines, e.g. phones on a LAN)"
                        : ""));
        out.println("  REST API:  " + base + "/wp-json/twork/v1/points/   (e.g. GET .../balance/{user_id})");
        out.println("  Console:   " + base + "/admin/   (staff accounts: ./twork account create --login NAME)");
        out.println("  Health:    " + base + "/health   Metrics: " + base + "/metrics   OpenAPI: " + base + "/openapi");
        out.println("  Logs:      "
                + LauncherConfig.value(
                        "twork.log.dir",
                        LauncherConfig.dataDir().resolve("logs").toString()) + "/twork-points.0.log (JSON lines)");
        out.println("Create an API key in another terminal:  ./twork key create --description \"Mobile app\"");
        out.println("Stop with Ctrl+C.");
    }
}
