package com.twork.points.launcher.server;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster of three nodes on loopback, from Debian's packages ({@code mariadb-server} and
 * {@code galera-4}): what {@code ./twork galera start|stop} runs and GaleraIT tests. Each node has its own folder
 * with its data, its configuration (the committed {@code server-config/galera/node.cnf} filled in) and its logs; the
 * ports chosen at creation are kept in {@code galera.properties} so the cluster can be stopped and started again
 * from another process. Nodes are stopped and killed by the process id in their pid file, never by name.
 */
public final class Galera {
    public static final String SCHEMA = "twork";
    /** The application's account: TCP from 127.0.0.1 only, rights on its own schema only. */
    public static final String USER = "twork";

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final String STATE_FILE = "galera.properties";
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(180);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: ?([0-9a-f-]{36}:-?\\d+)");

    private final Path work;
    private final String clusterName;
    private final String password;
    private final List<Node> nodes;

    /** One node: its name, its client port, its group communication port (IST on the next one) and SST port. */
    public record Node(String name, int port, int galeraPort, int sstPort, Path dir) {
        public Path config() {
            return dir.resolve("node.cnf");
        }

        public Path dataDir() {
            return dir.resolve("data");
        }

        public Path errorLog() {
            return dir.resolve("error.log");
        }

        Path pidFile() {
            return dir.resolve("mariadbd.pid");
        }

        Path socket() {
            return dir.resolve("mariadbd.sock");
        }

        /** A URL to this node alone (tests compare the nodes with it). */
        public String jdbcUrl() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
        }
    }

    private Galera(Path work, String clusterName, String password, List<Node> nodes) {
        this.work = work;
        this.clusterName = clusterName;
        this.password = password;
        this.nodes = nodes;
    }

    /**
     * The cluster kept in {@code work}: the one created there before (its ports and password), or a new one of
     * {@code size} nodes on free ports, not yet started.
     */
    public static Galera in(Path work, int size) {
        requireInstalled();
        Path state = work.resolve(STATE_FILE);
        try {
            if (Files.isRegularFile(state)) {
                return read(work, state);
            }
            Files.createDirectories(work);
            Set<Integer> taken = new HashSet<>();
            List<Node> nodes = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                nodes.add(new Node(
                        "n" + i, freePort(taken, 1), freePort(taken, 2), freePort(taken, 1), work.resolve("n" + i)));
            }
            byte[] secret = new byte[18];
            RANDOM.nextBytes(secret);
            Galera galera = new Galera(work, "twork-points", HexFormat.of().formatHex(secret), nodes);
            galera.write(state);
            return galera;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a cluster was ever created in {@code work}. */
    public static boolean exists(Path work) {
        return Files.isRegularFile(work.resolve(STATE_FILE));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(String name) {
        return nodes.stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Galera node " + name));
    }

    public String password() {
        return password;
    }

    /**
     * The URL the server uses: MariaDB Connector/J's {@code sequential} mode connects to the first node that
     * answers, so every instance writes through one node while it lives (no certification conflicts between
     * instances) and moves to the next one when it dies (docs/decisions.md).
     */
    public String jdbcUrl() {
        return "jdbc:mariadb:sequential://" + hosts() + "/" + SCHEMA;
    }

    /** Every connection on a node picked at random: writes on every node at once, the worst case for certification. */
    public String loadBalancedUrl() {
        return "jdbc:mariadb:loadbalance://" + hosts() + "/" + SCHEMA;
    }

    private String hosts() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    /**
     * Starts the whole cluster and returns once every node is synced: a new cluster is initialised on the first
     * node, bootstrapped there and given the application's schema and account; an existing one is bootstrapped from
     * the node that may (the last one to stop cleanly, else the one with the most recent transaction), and the others
     * join one at a time (by IST, or SST when they are too far behind).
     */
    public void start() {
        if (nodes.stream().allMatch(this::isRunning)) {
            return;
        }
        if (nodes.stream().anyMatch(this::isRunning)) {
            for (Node node : nodes) {
                if (!isRunning(node)) {
                    startNode(node);
                }
            }
            return;
        }
        boolean fresh = !Files.isDirectory(nodes.get(0).dataDir().resolve("mysql"));
        Node first = fresh ? nodes.get(0) : bootstrapCandidate();
        for (Node node : nodes) {
            writeConfig(node);
        }
        if (fresh) {
            initialise(first);
        }
        launch(first, List.of("--wsrep-new-cluster"));
        awaitSynced(first);
        if (fresh) {
            sql(
                    first,
                    "CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                            + " CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password
                            + "'; GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO '" + USER + "'@'127.0.0.1';");
        }
        for (Node node : nodes) {
            if (node != first) {
                startNode(node);
            }
        }
    }

    /** Starts one stopped or killed node and waits until it has caught up with the others. */
    public void startNode(Node node) {
        if (isRunning(node)) {
            return;
        }
        writeConfig(node);
        List<String> extra = new ArrayList<>();
        if (Files.isDirectory(node.dataDir().resolve("mysql"))) {
            // After a crash grastate.dat says seqno -1: without the position InnoDB recovered, the node would ask
            // for a full copy (SST) instead of the missing transactions (IST).
            recoveredPosition(node).ifPresent(position -> extra.add("--wsrep-start-position=" + position));
        }
        launch(node, extra);
        awaitSynced(node);
    }

    /** Stops every node gracefully, the first one last: it then holds {@code safe_to_bootstrap: 1} for the next start. */
    public void stop() {
        List<Node> reversed = new ArrayList<>(nodes);
        reversed.sort(Comparator.comparing(Node::name).reversed());
        for (Node node : reversed) {
            stopNode(node);
        }
    }

    /** SIGTERM to the node's process (by its pid file) and waits until it is gone. */
    public void stopNode(Node node) {
        pid(node).flatMap(ProcessHandle::of).ifPresent(process -> {
            process.destroy();
            awaitExit(node, process, Duration.ofSeconds(120));
        });
    }

    /** SIGKILL to the node's process, as a crash or a pulled cable would end it. */
    public void kill(Node node) {
        pid(node).flatMap(ProcessHandle::of).ifPresent(process -> {
            process.destroyForcibly();
            awaitExit(node, process, Duration.ofSeconds(30));
        });
    }

    public boolean isRunning(Node node) {
        return pid(node).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A global status variable of one node, as its local socket account reads it (e.g. wsrep_cluster_size). */
    public String status(Node node, String variable) {
        String row = sql(node, "SHOW GLOBAL STATUS LIKE '" + variable.replace("'", "") + "'");
        int tab = row.indexOf('\t');
        return tab < 0 ? "" : row.substring(tab + 1).trim();
    }

    private Optional<Long> pid(Node node) {
        try {
            if (!Files.isRegularFile(node.pidFile())) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(node.pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void awaitExit(Node node, ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Galera node " + node.name() + " (pid " + process.pid()
                    + ") did not end within " + timeout.toSeconds() + " s");
        }
    }

    /** The data directory of a new cluster, with root reachable only through the local socket. */
    private void initialise(Node node) {
        List<String> command = new ArrayList<>(List.of(
                "mariadb-install-db",
                "--defaults-file=" + node.config(),
                "--auth-root-authentication-method=socket",
                "--skip-test-db"));
        if (!isRoot()) {
            command.add("--auth-root-socket-user=" + System.getProperty("user.name"));
        }
        run(command, node.dir().resolve("install-db.log"), Duration.ofSeconds(120), node);
    }

    private void launch(Node node, List<String> extra) {
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + node.config()));
        command.addAll(extra);
        try {
            Files.deleteIfExists(node.pidFile());
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            node.dir().resolve("console.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Until the node says Synced and ready (it then takes clients), or fails with its error log's last lines. */
    private void awaitSynced(Node node) {
        long deadline = System.nanoTime() + NODE_TIMEOUT.toNanos();
        boolean seenPid = false;
        while (System.nanoTime() < deadline) {
            seenPid |= pid(node).isPresent();
            if (seenPid && !isRunning(node)) {
                throw new IllegalStateException(
                        "Galera node " + node.name() + " stopped while starting:\n" + tail(node.errorLog()));
            }
            try {
                if (seenPid
                        && "Synced".equals(status(node, "wsrep_local_state_comment"))
                        && "ON".equals(status(node, "wsrep_ready"))) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // The socket opens only once the node has its data (after SST or IST).
            }
            sleep(250);
        }
        throw new IllegalStateException("Galera node " + node.name() + " was not synced within "
                + NODE_TIMEOUT.toSeconds() + " s:\n" + tail(node.errorLog()));
    }

    /** The node that must start the cluster: marked safe to bootstrap, else the one that saw the most. */
    private Node bootstrapCandidate() {
        for (Node node : nodes) {
            if (grastate(node).contains("safe_to_bootstrap: 1")) {
                return node;
            }
        }
        // Every node crashed: none is marked. Galera's documented way out is to pick the one with the highest
        // recovered sequence number and mark it by hand; here the launcher does the same.
        Node best = null;
        long bestSeqno = Long.MIN_VALUE;
        for (Node node : nodes) {
            writeConfig(node);
            long seqno = recoveredPosition(node)
                    .map(position -> Long.parseLong(position.substring(position.lastIndexOf(':') + 1)))
                    .orElse(-1L);
            if (seqno > bestSeqno) {
                best = node;
                bestSeqno = seqno;
            }
        }
        try {
            Path file = best.dataDir().resolve("grastate.dat");
            Files.writeString(file, grastate(best).replace("safe_to_bootstrap: 0", "safe_to_bootstrap: 1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return best;
    }

    private static String grastate(Node node) {
        try {
            Path file = node.dataDir().resolve("grastate.dat");
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code uuid:seqno} as InnoDB recovered it ({@code mariadbd --wsrep-recover}, about 0.2 s), when known. */
    private Optional<String> recoveredPosition(Node node) {
        String state = grastate(node);
        Matcher clean = Pattern.compile("seqno:\\s+(\\d+)").matcher(state);
        if (clean.find()) {
            // A clean shutdown wrote the position itself.
            return Optional.empty();
        }
        long logged = size(node.errorLog());
        run(
                List.of(MARIADBD.toString(), "--defaults-file=" + node.config(), "--wsrep-recover"),
                node.dir().resolve("recover.log"),
                Duration.ofSeconds(120),
                node);
        String log = read(node.errorLog()).substring((int) Math.min(logged, size(node.errorLog())));
        Matcher recovered = RECOVERED.matcher(log);
        String position = null;
        while (recovered.find()) {
            position = recovered.group(1);
        }
        return Optional.ofNullable(position);
    }

    /**
     * Statements through the node's local socket as the socket-authenticated administrator; tab-separated rows. They
     * go in on standard input, so the application account's password never shows in the process list.
     */
    private String sql(Node node, String statements) {
        List<String> command = List.of(
                "mariadb",
                "--defaults-file=" + node.config(),
                "--user=" + (isRoot() ? "root" : System.getProperty("user.name")),
                "--batch",
                "--skip-column-names",
                "--connect-timeout=5");
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String input = statements.strip().endsWith(";") ? statements : statements + ";";
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientEndedEarly) {
                // It could not connect (node still starting): its exit code and message say so below.
            }
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("On Galera node " + node.name() + ": " + output.strip());
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void run(List<String> command, Path log, Duration timeout, Node node) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish for node " + node.name());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed for node " + node.name() + ":\n" + tail(log)
                        + "\n" + tail(node.errorLog()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The node's configuration from the committed template; its folders owned by the server's account. */
    private void writeConfig(Node node) {
        String members = nodes.stream().map(n -> "127.0.0.1:" + n.galeraPort()).collect(Collectors.joining(","));
        StringBuilder config = new StringBuilder();
        for (String line : template().split("\n", -1)) {
            config.append(
                            line.stripLeading().startsWith("#")
                                    ? line
                                    : line.replace("{{user_line}}", isRoot() ? "user=mysql" : "")
                                            .replace(
                                                    "{{datadir}}",
                                                    node.dataDir().toString())
                                            .replace("{{socket}}", node.socket().toString())
                                            .replace(
                                                    "{{pid_file}}",
                                                    node.pidFile().toString())
                                            .replace(
                                                    "{{error_log}}",
                                                    node.errorLog().toString())
                                            .replace("{{port}}", Integer.toString(node.port()))
                                            .replace(
                                                    "{{buffer_pool}}",
                                                    EmbeddedDatabase.sizing("TWORK_GALERA_BUFFER_POOL", "256M"))
                                            .replace("{{cluster_name}}", clusterName)
                                            .replace("{{members}}", members)
                                            .replace("{{node_name}}", node.name())
                                            .replace("{{galera_port}}", Integer.toString(node.galeraPort()))
                                            .replace("{{ist_port}}", Integer.toString(node.galeraPort() + 1))
                                            .replace("{{sst_port}}", Integer.toString(node.sstPort())))
                    .append('\n');
        }
        try {
            Files.createDirectories(node.dataDir());
            Files.writeString(node.config(), config.toString(), StandardCharsets.UTF_8);
            if (isRoot()) {
                // As root, mariadbd switches to the mysql account, and the rsync SST must write as that account too
                // (as root its rsync daemon writes as nobody and is refused).
                ownBy("mysql", node.dir());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownBy(String account, Path root) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(account);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(account);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.toList()) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
        // The server's account must be able to reach its folder through every parent (e.g. not under /root).
        for (Path parent = root.getParent(); parent != null; parent = parent.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(parent);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
                    && !Files.getOwner(parent).equals(user)) {
                throw new IllegalStateException("The mysql account cannot reach " + root + " (" + parent
                        + " is closed to it): choose another folder with TWORK_GALERA_DIR");
            }
        }
    }

    private static String template() {
        try (InputStream in = Galera.class.getResourceAsStream("galera/node.cnf")) {
            if (in == null) {
                throw new IllegalStateException("galera/node.cnf is not packaged with the launcher: rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path state) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("cluster.name", clusterName);
        properties.setProperty("password", password);
        properties.setProperty("nodes", nodes.stream().map(Node::name).collect(Collectors.joining(",")));
        for (Node node : nodes) {
            properties.setProperty(node.name() + ".port", Integer.toString(node.port()));
            properties.setProperty(node.name() + ".galera-port", Integer.toString(node.galeraPort()));
            properties.setProperty(node.name() + ".sst-port", Integer.toString(node.sstPort()));
        }
        Files.deleteIfExists(state);
        Files.createFile(state);
        // It holds the application account's password.
        Files.setPosixFilePermissions(state, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (var out = Files.newBufferedWriter(state)) {
            properties.store(out, "./twork galera: the ports and the application account of this cluster");
        }
    }

    private static Galera read(Path work, Path state) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(state)) {
            properties.load(in);
        }
        List<Node> nodes = new ArrayList<>();
        for (String name : properties.getProperty("nodes").split(",")) {
            nodes.add(new Node(
                    name,
                    Integer.parseInt(properties.getProperty(name + ".port")),
                    Integer.parseInt(properties.getProperty(name + ".galera-port")),
                    Integer.parseInt(properties.getProperty(name + ".sst-port")),
                    work.resolve(name)));
        }
        return new Galera(work, properties.getProperty("cluster.name"), properties.getProperty("password"), nodes);
    }

    /**
     * A free port (with the next {@code span - 1} free too) not handed out before, below the kernel's ephemeral range:
     * the IST and SST ports are only listened on while a node joins, and a port from the ephemeral range had been
     * taken meanwhile by some outgoing connection's local end ("Failed to open IST listener ... Address already in
     * use", and the node aborted its join).
     */
    private static int freePort(Set<Integer> taken, int span) {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = 10_000 + RANDOM.nextInt(Math.max(1, below - 10_000 - span));
            boolean free = true;
            for (int p = port; p < port + span; p++) {
                free &= !taken.contains(p) && Ports.isFree(p);
            }
            if (free) {
                for (int p = port; p < port + span; p++) {
                    taken.add(p);
                }
                return port;
            }
        }
        throw new IllegalStateException("No free ports for the Galera nodes below " + below);
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 12_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(MARIADBD) || !Files.isRegularFile(PROVIDER)) {
            throw new IllegalStateException("MariaDB Galera is not installed: apt-get install mariadb-server galera-4"
                    + " rsync (Debian's packages; .ci/run installs them)");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        List<String> lines = read(file).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Where {@code ./twork galera} keeps its cluster: {@code TWORK_GALERA_DIR}, else {@code data/galera}. */
    public static Path defaultFolder() {
        return LauncherConfig.value("twork.galera.dir")
                .map(Path::of)
                .orElseGet(() -> LauncherConfig.dataDir().resolve("galera"))
                .toAbsolutePath();
    }

    /** The work folder (for messages). */
    public Path work() {
        return work;
    }
}
