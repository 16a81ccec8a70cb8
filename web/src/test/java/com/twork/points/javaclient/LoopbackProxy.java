package com.twork.points.javaclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a random 127.0.0.1 port in front of the test server, switchable between letting connections
 * through and the ways a mobile network fails. Its port stays the same across switches (a client restarted between
 * them reaches the same address), and a switch closes every open connection, so no pooled connection outlives its
 * mode.
 */
public final class LoopbackProxy implements AutoCloseable {
    enum Mode {
        /** Forwards both ways. */
        PASS,
        /**
         * Refuses: accepts and resets at once. (A closed port cannot be held for reopening on a shared machine, so
         * the refusal is a reset; the client sees the same: no connection, no answer.)
         */
        REFUSE,
        /** Forwards the request to the server, then cuts the connection when the answer starts: applied, unanswered. */
        DROP_ANSWERS,
        /** Reads the request and answers with the canned response, like a load balancer in front of the server. */
        ANSWER
    }

    private final int targetPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile String cannedResponse = "";

    public LoopbackProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptAll, "loopback-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    void mode(Mode next) {
        mode = next;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Switches to {@link Mode#ANSWER} with this status line, headers and JSON body. */
    void answer(int status, String reason, String headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        cannedResponse = "HTTP/1.1 " + status + " " + reason + "\r\n" + headers
                + "Content-Type: application/json; charset=UTF-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + json;
        mode(Mode.ANSWER);
    }

    /** Connections accepted so far (any mode). */
    public int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Mode now = mode;
            Thread handler = new Thread(() -> handle(client, now), "loopback-proxy-connection");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void handle(Socket client, Mode now) {
        open.add(client);
        try {
            switch (now) {
                case REFUSE -> {
                    client.setSoLinger(true, 0);
                    client.close();
                }
                case ANSWER -> {
                    readRequest(client.getInputStream());
                    client.getOutputStream().write(cannedResponse.getBytes(StandardCharsets.UTF_8));
                    client.getOutputStream().flush();
                    client.close();
                }
                case PASS, DROP_ANSWERS -> forward(client, now == Mode.DROP_ANSWERS);
            }
        } catch (IOException e) {
            closeQuietly(client);
        } finally {
            open.remove(client);
        }
    }

    private void forward(Socket client, boolean dropAnswers) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(server);
            Thread upstream = new Thread(() -> pump(client, server, false), "loopback-proxy-up");
            upstream.setDaemon(true);
            upstream.start();
            pump(server, client, dropAnswers);
        } finally {
            closeQuietly(client);
        }
    }

    /**
     * Copies bytes until either side closes. Dropping answers: the first byte of the answer means the server has
     * finished the request (the body is written after the resource and the response filters ran), so the client's
     * connection is reset then and nothing of the answer reaches it.
     */
    private void pump(Socket from, Socket to, boolean drop) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (drop) {
                    to.setSoLinger(true, 0);
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away; closing both below ends the other pump too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
        }
    }

    /** Reads request headers and a Content-Length body, so the canned answer never races the upload. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) length);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
