package com.twork.points.launcher.server;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./twork galera start|stop}: a three-node MariaDB Galera cluster on loopback for the server to run on
 * ({@code TWORK_DB_URL}), kept in {@code data/galera} (or {@code TWORK_GALERA_DIR}). The nodes keep running after
 * the command ends; {@code stop} ends them by their pid files. docs/operations.md explains a real deployment.
 */
public final class GaleraCommand {
    private final PrintStream out;

    public GaleraCommand(PrintStream out) {
        this.out = out;
    }

    public int start() {
        Path folder = Galera.defaultFolder();
        boolean existed = Galera.exists(folder);
        Galera galera = Galera.in(folder, 3);
        out.println((existed ? "Starting the Galera cluster in " : "Creating a 3-node Galera cluster in ") + folder
                + " ... (about 20 s)");
        long started = System.nanoTime();
        galera.start();
        out.printf("Galera cluster up in %d s:%n", (System.nanoTime() - started) / 1_000_000_000L);
        for (Galera.Node node : galera.nodes()) {
            out.println("  node " + node.name() + ": 127.0.0.1:" + node.port() + "  (group " + node.galeraPort()
                    + ", IST " + (node.galeraPort() + 1) + ", SST " + node.sstPort() + ", pid file "
                    + node.dir().resolve("mariadbd.pid") + ", log " + node.errorLog() + ", cluster size "
                    + galera.status(node, "wsrep_cluster_size") + ")");
        }
        out.println();
        out.println("Run the server on it (one writer node at a time, the next one when it fails):");
        out.println("  export TWORK_DB_URL='" + galera.jdbcUrl() + "'");
        out.println("  export TWORK_DB_USER=" + Galera.USER);
        out.println("  export TWORK_DB_PASSWORD=" + galera.password() + "   (also in "
                + folder.resolve("galera.properties") + ", mode 600)");
        out.println("  ./twork run");
        out.println("Stop the cluster with ./twork galera stop (the data stays for the next start).");
        return 0;
    }

    public int stop() {
        Path folder = Galera.defaultFolder();
        if (!Galera.exists(folder)) {
            out.println("No Galera cluster in " + folder + ".");
            return 0;
        }
        Galera galera = Galera.in(folder, 3);
        for (Galera.Node node : galera.nodes()) {
            out.println("Stopping node " + node.name() + (galera.isRunning(node) ? "" : " (not running)"));
        }
        galera.stop();
        out.println("Stopped; the data stays in " + folder + " for ./twork galera start.");
        return 0;
    }
}
