package com.twork.points.launcher.tools.bench;

import com.twork.points.launcher.tools.bench.BenchEnvironment.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one {@code ./twork bench} run as Markdown: the machine, the dataset, the HTTP table and the
 * ceilings beside it, written into the report between its bench markers (the rest of the file is left as it is).
 */
final class BenchReport {
    private static final String BEGIN = "<!-- bench:begin -->";
    private static final String END = "<!-- bench:end -->";

    private BenchReport() {}

    static void write(
            BenchCommand.Options options,
            Dataset dataset,
            List<BenchCommand.Row> http,
            List<BenchCommand.Row> jdbc,
            List<BenchCommand.Row> minimal,
            String hints,
            String loadBefore,
            String loadAfter)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("### Run of ")
                .append(LocalDateTime.now(ZoneOffset.UTC).withNano(0))
                .append(" UTC");
        if (!options.label().isBlank()) {
            md.append(" — ").append(options.label());
        }
        md.append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Machine: %d cores, %s, %s; Java %s. Load average before %s, after %s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                memory(),
                os(),
                System.getProperty("java.version"),
                loadBefore,
                loadAfter));
        md.append(String.format(
                Locale.ROOT,
                "Dataset: %,d members, %,d transactions; deep page = page %d of member %d"
                        + " (%,d rows). First every scenario for %d s (JIT warm-up), then each point: wrk -t2, %d s after a %d s"
                        + " warm-up at 32 connections.%n%n",
                dataset.members(),
                dataset.transactions(),
                dataset.deepPage(),
                dataset.heavyMember(),
                dataset.heavyRows(),
                options.jitWarmup().toSeconds(),
                options.seconds().toSeconds(),
                options.warmup().toSeconds()));
        md.append("#### HTTP (server + wrk on loopback)\n\n");
        md.append(
                "| scenario | conns | req/s | items/s | p50 ms | p90 ms | p99 ms | errors | server CPU % | DB CPU % |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchCommand.Row row : http) {
            md.append(tableRow(row, true));
        }
        md.append("\n#### Ceiling (a): raw JDBC, the same statements and transactions, ≤ 32 connections\n\n");
        md.append("| operation | clients | ops/s | items/s | p50 ms | p90 ms | p99 ms | errors | | DB CPU % |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchCommand.Row row : jdbc) {
            md.append(tableRow(row, false));
        }
        if (!minimal.isEmpty()) {
            md.append("\n#### Ceiling (c): the minimal transaction, raw JDBC, ≤ 32 connections\n\n");
            md.append("The smallest transaction that keeps SPEC's rules for each write, by hand (MinimalTransactions):"
                    + " one locking read of member and account, the due-lot scan only when needed"
                    + " (account hints: " + hints + ")"
                    + ", the unique key deciding an order replay, FIFO lots and pairing twin in one query, multi-row"
                    + " inserts (sync: one INSERT ... RETURNING for the batch), one account update, one commit.\n\n");
            md.append("| operation | clients | ops/s | items/s | p50 ms | p90 ms | p99 ms | errors | | DB CPU % |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (BenchCommand.Row row : minimal) {
                md.append(tableRow(row, false));
            }
        }
        md.append("\n#### Application / ceiling\n\n");
        md.append("Writes against their raw-JDBC ceiling (a) and the minimal transaction (c) (target ≥ 60% of (c)),"
                + " reads against the trivial authenticated GET (`GET /auth/whoami`, target ≥ 70%) and against raw"
                + " JDBC.\n\n");
        md.append("| scenario | conns | app req/s | vs JDBC | vs trivial GET | vs minimal (c) |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (BenchCommand.Row row : http) {
            if (row.scenario().equals("whoami") || row.scenario().equals("mixed")) {
                continue;
            }
            boolean read = List.of("balance", "transactions", "deep").contains(row.scenario());
            String vsTrivial = read ? share(row, http, "whoami") : "";
            String vsMinimal =
                    MinimalTransactions.OPERATIONS.contains(row.scenario()) ? share(row, minimal, row.scenario()) : "";
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %s | %s | %s |%n",
                    row.scenario(),
                    row.connections(),
                    row.perSecond(),
                    share(row, jdbc, row.scenario()),
                    vsTrivial,
                    vsMinimal));
        }
        md.append(END).append('\n');
        String existing = Files.exists(options.report()) ? Files.readString(options.report()) : "";
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + md + existing.substring(end + END.length() + 1)
                : existing + "\n" + md;
        Files.writeString(options.report(), updated);
    }

    /** {@code row}'s rate as a share of the {@code scenario} row at the same connection count in {@code others}. */
    private static String share(BenchCommand.Row row, List<BenchCommand.Row> others, String scenario) {
        return others.stream()
                .filter(other -> other.scenario().equals(scenario) && other.connections() == row.connections())
                .findFirst()
                .map(other -> String.format(Locale.ROOT, "%.0f%%", 100 * row.perSecond() / other.perSecond()))
                .orElse("—");
    }

    private static String tableRow(BenchCommand.Row row, boolean serverCpu) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %d | %s | %.0f |%n",
                row.scenario(),
                row.connections(),
                row.perSecond(),
                row.itemsPerSecond(),
                row.p50() / 1000.0,
                row.p90() / 1000.0,
                row.p99() / 1000.0,
                row.errors(),
                serverCpu ? String.format(Locale.ROOT, "%.0f", row.serverCpu()) : "",
                row.databaseCpu());
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "? RAM";
    }

    private static String os() {
        try {
            return "Debian " + Files.readString(Path.of("/etc/debian_version")).trim();
        } catch (IOException e) {
            return System.getProperty("os.name");
        }
    }
}
