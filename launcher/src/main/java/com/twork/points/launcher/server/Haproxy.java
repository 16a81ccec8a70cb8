package com.twork.points.launcher.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's HAProxy in front of the instances, configured from the committed {@code server-config/haproxy.cfg}
 * (packaged into this jar), run in the foreground as a child process and driven through its stats socket
 * (drain an instance, put it back, read its state and open sessions).
 */
public final class Haproxy implements AutoCloseable {
    /** The backend's name in haproxy.cfg. */
    public static final String BACKEND = "twork";

    /** How long a stream must make no progress to count as an idle kept-alive client connection. */
    private static final Duration IDLE = Duration.ofSeconds(3);

    private static final Pattern STREAM = Pattern.compile("^(0x[0-9a-f]+): .* calls=(\\d+) ");

    private final Process process;
    private final Path socket;
    private final int port;

    private Haproxy(Process process, Path socket, int port) {
        this.process = process;
        this.socket = socket;
        this.port = port;
    }

    /** One instance behind the balancer: its server name in the backend and where it listens. */
    public record Backend(String name, String host, int port) {}

    /** Writes the configuration under {@code work}, checks it with {@code haproxy -c}, starts it and waits. */
    public static Haproxy start(Path work, int port, List<Backend> backends) {
        String binary = binary();
        try {
            Files.createDirectories(work);
            Path socket = work.resolve("haproxy.sock");
            Files.deleteIfExists(socket);
            Path config = work.resolve("haproxy.cfg");
            Files.writeString(config, render(port, socket, backends), StandardCharsets.UTF_8);
            Path log = work.resolve("haproxy.log");
            Process check = new ProcessBuilder(binary, "-c", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                throw new IllegalStateException("haproxy refused " + config + ": " + Files.readString(log));
            }
            Process process = new ProcessBuilder(binary, "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Haproxy haproxy = new Haproxy(process, socket, port);
            haproxy.awaitListening(Duration.ofSeconds(20), log);
            return haproxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting haproxy", e);
        }
    }

    /** The committed template with the three placeholders filled in. */
    static String render(int port, Path socket, List<Backend> backends) {
        StringBuilder servers = new StringBuilder();
        for (Backend backend : backends) {
            servers.append("    server ")
                    .append(backend.name())
                    .append(' ')
                    .append(backend.host())
                    .append(':')
                    .append(backend.port())
                    .append(" check")
                    .append(System.lineSeparator());
        }
        StringBuilder config = new StringBuilder();
        for (String line : template().split("\n", -1)) {
            // The template's comments name the placeholders too: only configuration lines are filled in.
            config.append(
                            line.stripLeading().startsWith("#")
                                    ? line
                                    : line.replace("{{bind}}", "127.0.0.1:" + port)
                                            .replace("{{stats_socket}}", socket.toString())
                                            .replace(
                                                    "{{servers}}",
                                                    servers.toString().stripTrailing()))
                    .append('\n');
        }
        return config.toString();
    }

    private static String template() {
        try (InputStream in = Haproxy.class.getResourceAsStream("haproxy.cfg")) {
            if (in == null) {
                throw new IllegalStateException("haproxy.cfg is not packaged with the launcher: rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "HAProxy is not installed: apt-get install haproxy (Debian's package; .ci/run installs it)");
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one command to the stats socket and returns its answer. */
    public String command(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("haproxy stats socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the balancer says of one instance now: {@code status} (UP, DOWN, DRAIN, MAINT...), open sessions, and how
     * many 5xx answers it has sent through the balancer so far.
     */
    public record ServerState(String status, int sessions, long responses5xx) {}

    public Map<String, ServerState> states() {
        Map<String, ServerState> states = new LinkedHashMap<>();
        List<String> header = new ArrayList<>();
        for (String line : command("show stat").split("\n")) {
            if (line.startsWith("# ")) {
                header = List.of(line.substring(2).split(","));
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < header.size() || !BACKEND.equals(fields[0])) {
                continue;
            }
            String name = fields[1];
            if (!name.equals("BACKEND") && !name.equals("FRONTEND")) {
                states.put(
                        name,
                        new ServerState(
                                fields[header.indexOf("status")],
                                Integer.parseInt(fields[header.indexOf("scur")]),
                                Long.parseLong(fields[header.indexOf("hrsp_5xx")])));
            }
        }
        return states;
    }

    /** Stops sending new requests to {@code server}; those it is answering finish. */
    public void drain(String server) {
        command("set server " + BACKEND + "/" + server + " state drain");
    }

    /** Sends it requests again (once its health check passes). */
    public void ready(String server) {
        command("set server " + BACKEND + "/" + server + " state ready");
    }

    /** Waits until {@code server}'s status starts with {@code status} (e.g. "UP", "DOWN"). */
    public void awaitStatus(String server, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerState state = null;
        while (System.nanoTime() < deadline) {
            state = states().get(server);
            if (state != null && state.status().startsWith(status)) {
                return;
            }
            pause(100);
        }
        throw new IllegalStateException("haproxy: " + server + " not " + status + " within " + timeout + ": " + state);
    }

    /**
     * Waits until no request is in progress on {@code server}. A stream of {@code show sess} attached to it counts
     * as in progress unless it has made no progress (same {@code calls}) for {@link #IDLE}: a client's kept-alive
     * connection waiting for its next request stays attached to the last server it used (and {@code scur} counts it),
     * while with {@code option http-server-close} its next request is balanced afresh, away from a drained server.
     */
    public void awaitNoSessions(String server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> seen = new HashMap<>();
        Map<String, Long> unchangedSince = new HashMap<>();
        while (System.nanoTime() < deadline) {
            Map<String, String> streams = streamsOn(server);
            long now = System.nanoTime();
            boolean busy = false;
            for (Map.Entry<String, String> stream : streams.entrySet()) {
                if (!stream.getValue().equals(seen.get(stream.getKey()))) {
                    unchangedSince.put(stream.getKey(), now);
                }
                busy |= now - unchangedSince.get(stream.getKey()) < IDLE.toNanos();
            }
            seen.keySet().retainAll(streams.keySet());
            seen.putAll(streams);
            if (!busy) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("haproxy: " + server + " still has requests in progress after " + timeout + ": "
                + states().get(server) + " " + seen);
    }

    /** The streams attached to {@code server}: id and progress counter ({@code calls}). */
    private Map<String, String> streamsOn(String server) {
        Map<String, String> streams = new HashMap<>();
        for (String line : command("show sess").split("\n")) {
            if (line.contains(" be=" + BACKEND + " ") && line.contains(" srv=" + server + " ")) {
                Matcher stream = STREAM.matcher(line);
                if (stream.find()) {
                    streams.put(stream.group(1), stream.group(2));
                } else {
                    streams.put(line, line);
                }
            }
        }
        return streams;
    }

    private void awaitListening(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                if (Files.exists(socket)) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            pause(100);
        }
        close();
        throw new IllegalStateException("haproxy did not listen on " + port + " within " + timeout);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Stops it by its process id (SIGTERM, then SIGKILL). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
