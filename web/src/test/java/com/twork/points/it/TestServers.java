package com.twork.points.it;

import com.twork.points.launcher.server.EmbeddedDatabase;
import com.twork.points.launcher.server.Folders;
import com.twork.points.launcher.server.LauncherConfig;
import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.server.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the shared test server and a test's own server have in common: how Payara Micro is started for tests. */
public final class TestServers {
    private TestServers() {}

    /**
     * Payara Micro with the test WAR on a free port, on the database at {@code jdbcUrl}, its files under
     * {@code work}; returns once it is ready. Test settings: the clock may be shifted, settings are never cached,
     * job timers tick every second (the jobs themselves run only when a test makes them due).
     */
    static PayaraServer launch(Path work, String jdbcUrl) {
        return launch(work, jdbcUrl, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
    }

    /** The same on a database that has real accounts (a Galera cluster). */
    public static PayaraServer launch(Path work, String jdbcUrl, String user, String password) {
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PayaraServer server = PayaraServer.launch(new PayaraServer.Options(
                Path.of(System.getProperty("twork.it.payara-jar")),
                Path.of(System.getProperty("twork.it.war")),
                // The same default as ./twork run, so the test server shows what an operator gets.
                LauncherConfig.httpHost(),
                Ports.freePort(),
                work.resolve("payara"),
                Map.of(
                        "twork.db.url",
                        jdbcUrl,
                        "twork.db.user",
                        user,
                        "twork.db.password",
                        password,
                        "twork.clock.test-shift-enabled",
                        "true",
                        "twork.settings.refresh-millis",
                        "0",
                        "twork.jobs.tick-seconds",
                        "1",
                        "twork.log.dir",
                        work.resolve("logs").toString()),
                work.resolve("payara.log"),
                Optional.empty()));
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    static void deleteTree(Path root) {
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
