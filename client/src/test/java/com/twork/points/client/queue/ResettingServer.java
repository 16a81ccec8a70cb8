package com.twork.points.client.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/** Accepts connections on a random 127.0.0.1 port and resets each at once: a server that cannot be reached. */
final class ResettingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;

    ResettingServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::resetAll, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void resetAll() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
