package com.twork.points.launcher.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the WAR at the root context in a child process. Deployment configuration reaches the
 * application as system properties read by MicroProfile Config, through a private properties file (not the
 * command line, where every local user could read the database password).
 */
public final class PayaraServer implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final String host;
    private final int port;

    private PayaraServer(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /**
     * What to start and where its output goes ({@code log} null: this process's own console). {@code host} is the
     * one address the HTTP listener binds ({@code twork.http.host}, 127.0.0.1 by default); {@code cluster} empty
     * runs the instance alone, without Payara's data grid.
     */
    public record Options(
            Path payaraJar,
            Path war,
            String host,
            int httpPort,
            Path workDir,
            Map<String, String> properties,
            Path log,
            Optional<GridMembership> cluster) {
        /** A single instance listening on 127.0.0.1. */
        public Options(Path payaraJar, Path war, int httpPort, Path workDir, Map<String, String> properties, Path log) {
            this(payaraJar, war, LOOPBACK, httpPort, workDir, properties, log, Optional.empty());
        }

        public Options inCluster(GridMembership membership) {
            return new Options(payaraJar, war, host, httpPort, workDir, properties, log, Optional.of(membership));
        }
    }

    /**
     * This instance's place in Payara's Hazelcast data grid: the grid binds only {@code address} (never every
     * interface), finds its peers by the fixed TCP member list (no multicast) and refuses members of another
     * cluster name. Hazelcast Community has no member authentication: the interface is the protection.
     */
    public record GridMembership(
            String clusterName, String instanceName, String address, int gridPort, List<Integer> memberPorts) {
        String memberList() {
            StringBuilder list = new StringBuilder();
            for (int memberPort : memberPorts) {
                list.append(list.isEmpty() ? "" : ",")
                        .append(address)
                        .append(':')
                        .append(memberPort);
            }
            return list.toString();
        }
    }

    static final String LOOPBACK = "127.0.0.1";

    /** Starts the process and returns at once; call {@link #awaitReady()} next (after arranging to stop it). */
    public static PayaraServer launch(Options options) {
        if (!Files.isRegularFile(options.war())) {
            throw new IllegalStateException("No WAR at " + options.war() + ": build first (mvn -DskipTests install)");
        }
        if (!Files.isRegularFile(options.payaraJar())) {
            throw new IllegalStateException("No Payara Micro at " + options.payaraJar() + ": build first");
        }
        if (!Ports.isFree(options.httpPort())) {
            throw new PortTakenException(options.httpPort());
        }
        try {
            Files.createDirectories(options.workDir());
            // Payara Micro redeploys whatever an earlier run left in its root folder: start clean.
            Folders.deleteTree(options.workDir().resolve("payara-root"));
            Path propertiesFile = writeProperties(options.workDir(), options.properties());
            Path preboot = writePrebootCommands(options.workDir(), options.host());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m",
                    "-Xmx1g",
                    "-Duser.timezone=UTC"));
            if (options.cluster().isPresent()) {
                // Without it the grid port listens on every interface despite --interfaces.
                command.add("-Dhazelcast.socket.bind.any=false");
            }
            // Extra JVM options for the server (heap, GC, a flight recording), from the environment.
            String extra = System.getenv().getOrDefault("TWORK_JAVA_OPTS", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of(
                    "-jar",
                    options.payaraJar().toString(),
                    "--deploy",
                    options.war().toString(),
                    "--contextroot",
                    "/",
                    "--port",
                    Integer.toString(options.httpPort()),
                    "--prebootcommandfile",
                    preboot.toString(),
                    "--rootdir",
                    options.workDir().resolve("payara-root").toString(),
                    "--systemproperties",
                    propertiesFile.toString()));
            command.addAll(gridArguments(options.cluster()));
            Files.createDirectories(options.workDir().resolve("payara-root"));
            ProcessBuilder builder = new ProcessBuilder(command);
            if (options.log() == null) {
                builder.inheritIO();
            } else {
                builder.redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(options.log().toFile()));
            }
            return new PayaraServer(builder.start(), options.host(), options.httpPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Where this process reaches the server: its listen address, or loopback when it listens everywhere. */
    public String baseUrl() {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? LOOPBACK : host;
        return "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port;
    }

    /** The address the HTTP listener is bound to. */
    public String host() {
        return host;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Blocks until the server process ends; returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until our own readiness check (database reachable, schema migrated) answers UP; stops the process
     * and throws if it dies or takes too long.
     */
    public void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(baseUrl() + "/health/ready");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Payara Micro exited during start-up (code " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("twork-database")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Payara Micro", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> gridArguments(Optional<GridMembership> cluster) {
        if (cluster.isEmpty()) {
            return List.of("--nohazelcast");
        }
        GridMembership grid = cluster.get();
        return List.of(
                "--clustermode",
                "tcpip:" + grid.memberList(),
                "--interfaces",
                grid.address(),
                "--hzpublicaddress",
                grid.address(),
                "--startport",
                Integer.toString(grid.gridPort()),
                "--clustername",
                grid.clusterName(),
                "--name",
                grid.instanceName(),
                "--nohostaware",
                "--disablephonehome");
    }

    /**
     * Payara Micro's HTTP listener binds every interface unless told otherwise; this asadmin command, run before
     * boot, binds it to the one configured address.
     */
    private static Path writePrebootCommands(Path workDir, String host) throws IOException {
        if (!host.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException(
                    "twork.http.host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0), not '" + host + "'");
        }
        Path file = workDir.resolve("preboot.asadmin");
        Files.writeString(
                file,
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                        + host
                        + System.lineSeparator(),
                StandardCharsets.UTF_8);
        return file;
    }

    private static Path writeProperties(Path workDir, Map<String, String> values) throws IOException {
        Path file = workDir.resolve("system.properties");
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by the T-Work launcher at start-up; do not edit.");
        }
        return file;
    }

    /** The HTTP port is in use (Payara Micro itself would hang instead of failing). */
    public static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(int port) {
            super("Port " + port + " is already in use. Stop what uses it or choose another port with"
                    + " TWORK_HTTP_PORT=<port> (or -Dtwork.http.port=<port>).");
        }
    }
}
