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
    private final int port;

    private PayaraServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** What to start and where its output goes ({@code log} null: this process's own console). */
    public record Options(
            Path payaraJar, Path war, int httpPort, Path workDir, Map<String, String> properties, Path log) {}

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
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m",
                    "-Xmx1g",
                    "-Duser.timezone=UTC"));
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
                    "--nohazelcast",
                    "--rootdir",
                    options.workDir().resolve("payara-root").toString(),
                    "--systemproperties",
                    propertiesFile.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            if (options.log() == null) {
                builder.inheritIO();
            } else {
                builder.redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(options.log().toFile()));
            }
            return new PayaraServer(builder.start(), options.httpPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
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
