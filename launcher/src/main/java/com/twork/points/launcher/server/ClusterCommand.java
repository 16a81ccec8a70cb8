package com.twork.points.launcher.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./twork cluster [--instances 3]}: N instances of the server on one database (the embedded one unless
 * {@code TWORK_DB_URL} is set), members of one Payara data grid, behind HAProxy on {@code twork.http.port}; all on
 * loopback. Ctrl+C stops everything it started.
 */
public final class ClusterCommand {
    private final PrintStream out;

    public ClusterCommand(PrintStream out) {
        this.out = out;
    }

    public int run(int instances) throws Exception {
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("--instances must be between 1 and 9, not " + instances);
        }
        int port = LauncherConfig.httpPort();
        if (!Ports.isFree(port)) {
            throw new PayaraServer.PortTakenException(port);
        }
        Path dataDir = LauncherConfig.dataDir();
        Map<String, String> properties = new HashMap<>();
        EmbeddedDatabase embedded = RunCommand.database(out, dataDir, properties);
        String clusterName = LauncherConfig.value("twork.cluster.name", "twork-points");
        out.println("Starting " + instances + " Payara Micro instance(s) in data grid '" + clusterName
                + "' and HAProxy on 127.0.0.1:" + port + " ... (about a minute on 2 cores)");
        EmbeddedDatabase database = embedded;
        Cluster cluster;
        try {
            cluster = Cluster.start(new Cluster.Settings(
                    Path.of(LauncherConfig.value("twork.payara.jar", "launcher/target/payara/payara-micro.jar"))
                            .toAbsolutePath(),
                    Path.of(LauncherConfig.value("twork.war", "web/target/ROOT.war"))
                            .toAbsolutePath(),
                    dataDir.resolve("cluster"),
                    properties,
                    instances,
                    clusterName,
                    port));
        } catch (RuntimeException e) {
            RunCommand.stopDatabase(database, dataDir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            RunCommand.stopDatabase(database, dataDir);
        }));
        out.println();
        out.println("T-Work Points is running as a cluster of " + instances + ".");
        out.println("  Balancer:  " + cluster.balancer().baseUrl() + "/wp-json/twork/v1/points/   (HAProxy, pid "
                + cluster.balancer().pid() + ", config " + dataDir.resolve("cluster/haproxy/haproxy.cfg") + ")");
        for (Cluster.Instance instance : cluster.instances()) {
            out.println("  Instance " + instance.name() + ": " + instance.baseUrl() + "   (pid " + instance.pid()
                    + ", data grid port " + instance.gridPort() + ", log "
                    + dataDir.resolve("cluster").resolve(instance.name()).resolve("payara.log") + ")");
        }
        out.println("  Balancer control: echo 'show stat' | socat stdio "
                + dataDir.resolve("cluster/haproxy/haproxy.sock"));
        out.println("List the balancer in the trusted_proxies setting (127.0.0.1) so throttling sees each client.");
        out.println("Stop with Ctrl+C.");
        Set<String> reported = new HashSet<>();
        while (true) {
            Thread.sleep(5_000);
            for (Cluster.Instance instance : cluster.instances()) {
                if (!instance.isAlive() && reported.add(instance.name())) {
                    out.println("Instance " + instance.name() + " has stopped; the balancer routes around it.");
                }
            }
        }
    }
}
