package com.twork.points.launcher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {
    @Test
    void theServerListensOnLoopbackUnlessToldOtherwise() {
        System.clearProperty("twork.http.host");
        assertEquals("127.0.0.1", LauncherConfig.httpHost());
        System.setProperty("twork.http.host", "0.0.0.0");
        try {
            assertEquals("0.0.0.0", LauncherConfig.httpHost());
        } finally {
            System.clearProperty("twork.http.host");
        }
    }

    @Test
    void aHostNameIsRefusedBeforeAnythingStarts(@TempDir Path work) throws Exception {
        Path jar = Files.createFile(work.resolve("payara-micro.jar"));
        Path war = Files.createFile(work.resolve("ROOT.war"));
        PayaraServer.Options options = new PayaraServer.Options(
                jar, war, "shop.example.com", Ports.freePort(), work, Map.of(), work.resolve("log"), Optional.empty());
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> PayaraServer.launch(options));
        assertEquals(
                "twork.http.host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0), not 'shop.example.com'",
                refused.getMessage());
    }
}
