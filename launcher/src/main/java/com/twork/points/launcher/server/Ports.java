package com.twork.points.launcher.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks: Payara Micro hangs instead of failing when its HTTP port is taken, so we look first. */
public final class Ports {
    private Ports() {}

    /** Whether nothing listens on {@code port} on any interface (Payara Micro binds them all). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR: connections in TIME_WAIT do not make a port taken, only a listener does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago (the caller binds it soon after; a clash is then reported). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free local port: " + e.getMessage(), e);
        }
    }
}
