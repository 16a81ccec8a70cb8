package com.twork.points.it;

import com.twork.points.launcher.server.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's real nginx (/usr/sbin/nginx) as the shop's web server in front of the test server, configured from the
 * committed templates in {@code server-config/nginx}: the server-level file is included as it is, the http-level
 * file is copied with only the example instance address of its {@code upstream} block replaced by the given ones.
 * HTTPS on a random 127.0.0.1 port with a self-signed certificate made for the run; every other path goes to
 * {@code wordpressPort}, the way the shop's own locations would send it to WordPress. nginx runs in the
 * foreground (master and one worker) with its prefix, pid file and logs under {@code work}; {@link #close} stops
 * it by its pid.
 */
public final class Nginx implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^(\\s*server\\s+)(\\S+)(\\s[^;\\n]*)?;");
    private static final String KEYSTORE_PASSWORD = "nginx-test";

    private final Process process;
    private final Path work;
    private final int port;
    private final SSLContext trust;

    private Nginx(Process process, Path work, int port, SSLContext trust) {
        this.process = process;
        this.work = work;
        this.port = port;
        this.trust = trust;
    }

    /** The committed templates (the build passes their folder; a run from the web module finds them too). */
    public static Path templates() {
        return Path.of(System.getProperty("twork.it.server-config", "../server-config"))
                .resolve("nginx")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Starts nginx with {@code instances} ({@code host:port} each) as the T-Work Points upstream and returns once it
     * accepts connections; throws with its error log if it does not start.
     */
    public static Nginx start(Path work, List<String> instances, int wordpressPort) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: install Debian's nginx package (apt-get install nginx); .ci/run does so.");
        }
        try {
            TestServers.deleteTree(work);
            Files.createDirectories(work.resolve("logs"));
            SSLContext trust = selfSignedCertificate(work);
            Files.writeString(work.resolve("twork-points-http.conf"), httpTemplateWith(instances));
            int port = Ports.freePort();
            Files.writeString(work.resolve("nginx.conf"), mainConfig(work, port, wordpressPort));
            Process process = new ProcessBuilder(
                            BINARY.toString(),
                            "-p",
                            work.toString(),
                            "-c",
                            work.resolve("nginx.conf").toString(),
                            "-e",
                            work.resolve("logs/error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("logs/console.log").toFile())
                    .start();
            Nginx nginx = new Nginx(process, work, port, trust);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's http-level file with its one example {@code server} line repeated for each instance. */
    static String httpTemplateWith(List<String> instances) throws IOException {
        String template = Files.readString(templates().resolve("twork-points-http.conf"));
        Matcher matcher = UPSTREAM_SERVER.matcher(template);
        if (!matcher.find()) {
            throw new IllegalStateException("No 'server host:port ...;' line in the upstream block of the template");
        }
        String example = matcher.group();
        if (matcher.find()) {
            throw new IllegalStateException("The template's upstream block should hold one example server line");
        }
        String lines = instances.stream()
                .map(instance -> UPSTREAM_SERVER
                        .matcher(example)
                        .replaceFirst("$1" + Matcher.quoteReplacement(instance) + "$3;"))
                .collect(Collectors.joining("\n"));
        return template.replace(example, lines);
    }

    private static String mainConfig(Path work, int port, int wordpressPort) {
        String wordpress = "proxy_pass http://127.0.0.1:" + wordpressPort + "; proxy_set_header Host $host;";
        return String.join(
                "\n",
                "daemon off;",
                "master_process on;",
                "worker_processes 1;",
                "pid " + work.resolve("nginx.pid") + ";",
                "error_log " + work.resolve("logs/error.log") + " info;",
                "events { worker_connections 256; }",
                "http {",
                "  log_format upstreams '$remote_addr \"$request\" $status $upstream_addr $upstream_status';",
                "  access_log " + work.resolve("logs/access.log") + " upstreams;",
                "  client_body_temp_path " + work.resolve("client_body") + ";",
                "  proxy_temp_path " + work.resolve("proxy") + ";",
                "  fastcgi_temp_path " + work.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + work.resolve("uwsgi") + ";",
                "  scgi_temp_path " + work.resolve("scgi") + ";",
                "  include " + work.resolve("twork-points-http.conf") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + " ssl http2;",
                "    server_name localhost;",
                "    ssl_certificate " + work.resolve("tls/cert.pem") + ";",
                "    ssl_certificate_key " + work.resolve("tls/key.pem") + ";",
                "    include " + templates().resolve("twork-points-server.conf") + ";",
                // The shop's own locations: WordPress for everything, PHP by a regex location as usual.
                "    location / { " + wordpress + " }",
                "    location ~ \\.php$ { " + wordpress + " }",
                "  }",
                "}",
                "");
    }

    /** A key pair and certificate for localhost / 127.0.0.1 by the JDK's keytool, as PEM for nginx. */
    private static SSLContext selfSignedCertificate(Path work) throws IOException {
        Path tls = Files.createDirectories(work.resolve("tls"));
        Path keystore = tls.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "nginx",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                KEYSTORE_PASSWORD));
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
            PrivateKey key = (PrivateKey) store.getKey("nginx", KEYSTORE_PASSWORD.toCharArray());
            Certificate certificate = store.getCertificate("nginx");
            Files.writeString(tls.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(tls.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("nginx", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the test certificate: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s: " + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where to send requests: {@code https://127.0.0.1:<port>} (the certificate names the address too). */
    public String baseUrl() {
        return "https://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Trusts exactly this run's certificate (hostname checked as usual). */
    public SSLContext sslContext() {
        return trust;
    }

    /**
     * A TLS connection to nginx from another loopback address (the "client" nginx sees), certificate and host name
     * verified.
     */
    public SSLSocket connectFrom(String localAddress) {
        try {
            SSLSocket socket = (SSLSocket) trust.getSocketFactory()
                    .createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error log so far (startup problems, upstream failures). */
    public String log() {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("logs/console.log", "logs/error.log")) {
            Path file = work.resolve(name);
            try {
                if (Files.exists(file)) {
                    parts.add(Files.readString(file));
                }
            } catch (IOException e) {
                parts.add(name + ": " + e.getMessage());
            }
        }
        return String.join("\n", parts);
    }

    public String accessLog() {
        try {
            Path file = work.resolve("logs/access.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM to the master (fast shutdown; it stops its worker), then SIGKILL to it and its worker if it is still there after
     * 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                List<ProcessHandle> workers = process.descendants().toList();
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                workers.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
