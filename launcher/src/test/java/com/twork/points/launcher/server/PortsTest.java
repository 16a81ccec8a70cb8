package com.twork.points.launcher.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.TworkCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aListeningPortIsTakenAndAClosedOneIsFree() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket(0)) {
            port = listener.getLocalPort();
            assertFalse(Ports.isFree(port));
        }
        assertTrue(Ports.isFree(port));
    }

    /** Payara Micro would hang on a taken port; the run command must say so and stop instead. */
    @Test
    void runRefusesATakenPortWithAClearMessage() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            String port = Integer.toString(listener.getLocalPort());
            System.setProperty("twork.http.port", port);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PayaraServer.PortTakenException failure = assertThrows(
                        PayaraServer.PortTakenException.class,
                        () -> TworkCommand.execute(List.of("run"), new PrintStream(out, true, StandardCharsets.UTF_8)));
                assertTrue(failure.getMessage().contains("Port " + port + " is already in use"), failure.getMessage());
                assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing was started");
            } finally {
                System.clearProperty("twork.http.port");
            }
        }
    }
}
