package com.twork.points.launcher.tools.bench;

import com.twork.points.launcher.server.PayaraServer;
import com.twork.points.launcher.tools.bench.BenchEnvironment.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./twork bench}: starts the embedded MariaDB on a generated dataset and the server on it, drives HTTP load
 * with wrk (a separate process, loopback only) per scenario and connection count, measures three ceilings (the same
 * database work over raw JDBC (a), a trivial authenticated GET (b), the minimal transaction of each write (c)),
 * samples the CPU of the server and the database, and writes the figures into {@code docs/benchmarks.md} between its
 * markers.
 */
public final class BenchCommand {
    public static final List<String> HTTP_SCENARIOS =
            List.of("whoami", "balance", "transactions", "deep", "earn", "redeem", "sync10", "sync100", "mixed");
    private static final List<String> JDBC_OPERATIONS =
            List.of("balance", "transactions", "deep", "earn", "redeem", "sync10", "sync100");
    private static final Pattern RESULT = Pattern.compile("RESULT (\\{.*})");

    record Options(
            Path data,
            Duration seconds,
            Duration warmup,
            Duration jitWarmup,
            List<Integer> connections,
            List<String> scenarios,
            Path report,
            String label) {}

    record Row(
            String scenario,
            int connections,
            double perSecond,
            double itemsPerSecond,
            long p50,
            long p90,
            long p99,
            long errors,
            double serverCpu,
            double databaseCpu) {}

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    public static Options options(Map<String, String> given) {
        List<Integer> connections = new ArrayList<>();
        for (String c : given.getOrDefault("--connections", "8,32,64").split(",")) {
            connections.add(Integer.parseInt(c.trim()));
        }
        List<String> scenarios = List.of(given.getOrDefault("--scenarios", String.join(",", HTTP_SCENARIOS))
                .split(","));
        for (String scenario : scenarios) {
            if (!HTTP_SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException(
                        "Unknown scenario: " + scenario + " (one of " + String.join(",", HTTP_SCENARIOS) + ")");
            }
        }
        return new Options(
                Path.of(given.getOrDefault("--data", "target/bench/data")).toAbsolutePath(),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("--seconds", "15"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("--warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("--jit-warmup", "15"))),
                connections,
                scenarios,
                Path.of(given.getOrDefault("--report", "docs/benchmarks.md")),
                given.getOrDefault("--label", ""));
    }

    public int run(Options options, Path payaraJar, Path war) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        try (BenchEnvironment environment =
                BenchEnvironment.start(options.data(), payaraJar, war, "bench-payara.log")) {
            Dataset dataset = environment.dataset();
            out.printf(
                    "Dataset: %,d members, %,d transactions; heavy member %d with %,d rows (deep page %d)%n",
                    dataset.members(),
                    dataset.transactions(),
                    dataset.heavyMember(),
                    dataset.heavyRows(),
                    dataset.deepPage());
            PayaraServer server = environment.server();
            long databasePid = environment.databasePid();
            out.println(
                    "Server ready on " + server.baseUrl() + " (pid " + server.pid() + "), database pid " + databasePid);
            String auth = environment.credentials();
            String run = Long.toString(System.currentTimeMillis() / 1000 % 100_000);
            // The JIT needs a minute or two of traffic before the figures mean anything (C2 is still compiling
            // after 30 s): every scenario once, then each one again for its own warm-up before it is measured.
            for (String scenario : options.scenarios()) {
                wrk(server.baseUrl(), scenario, auth, dataset, run + "9", 16, options.jitWarmup());
            }
            List<Row> http = new ArrayList<>();
            for (String scenario : options.scenarios()) {
                wrk(server.baseUrl(), scenario, auth, dataset, run + "0", 32, options.warmup());
                for (int connections : options.connections()) {
                    long serverBefore = cpuTicks(server.pid());
                    long databaseBefore = cpuTicks(databasePid);
                    long started = System.nanoTime();
                    Map<String, Long> result = wrk(
                            server.baseUrl(),
                            scenario,
                            auth,
                            dataset,
                            run + connections,
                            connections,
                            options.seconds());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Row row = httpRow(
                            scenario,
                            connections,
                            result,
                            cpuPercent(cpuTicks(server.pid()) - serverBefore, seconds),
                            cpuPercent(cpuTicks(databasePid) - databaseBefore, seconds));
                    http.add(row);
                    out.println(format(row));
                }
            }
            JdbcCeiling ceiling = new JdbcCeiling(
                    environment.connections(),
                    new JdbcCeiling.Target(
                            dataset.firstMember(),
                            dataset.lastMember(),
                            dataset.heavyMember(),
                            dataset.deepPage(),
                            environment.consumerKeyHash(),
                            run));
            List<Row> jdbc = new ArrayList<>();
            for (String operation : JDBC_OPERATIONS) {
                if (options.scenarios().contains(operation)) {
                    jdbc.addAll(measureCeiling("jdbc", operation, options, databasePid, ceiling::measure));
                }
            }
            MinimalTransactions minimal = MinimalTransactions.on(
                    environment.connections(),
                    new MinimalTransactions.Target(dataset.firstMember(), dataset.lastMember(), Long.parseLong(run)));
            List<Row> minimum = new ArrayList<>();
            for (String operation : MinimalTransactions.OPERATIONS) {
                if (options.scenarios().contains(operation)) {
                    if (minimum.isEmpty()) {
                        out.println("Minimal transactions (c), account hints used: " + minimal.hints());
                    }
                    minimum.addAll(measureCeiling("minimal", operation, options, databasePid, minimal::measure));
                }
            }
            String loadAfter = BenchReport.loadAverage();
            BenchReport.write(options, dataset, http, jdbc, minimum, minimal.hints(), loadBefore, loadAfter);
            out.println("Report written to " + options.report());
        }
        return 0;
    }

    /** One raw-JDBC ceiling's measurement of an operation at each connection count. */
    @FunctionalInterface
    private interface Ceiling {
        JdbcLoad.Measured measure(String operation, int clients, Duration duration) throws InterruptedException;
    }

    private List<Row> measureCeiling(String name, String operation, Options options, long databasePid, Ceiling ceiling)
            throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        ceiling.measure(operation, 32, options.warmup());
        for (int connections : options.connections()) {
            long databaseBefore = cpuTicks(databasePid);
            JdbcLoad.Measured measured = ceiling.measure(operation, connections, options.seconds());
            Row row = new Row(
                    operation,
                    connections,
                    measured.perSecond(),
                    measured.perSecond() * items(operation),
                    measured.percentile(50),
                    measured.percentile(90),
                    measured.percentile(99),
                    measured.errors(),
                    0,
                    cpuPercent(cpuTicks(databasePid) - databaseBefore, measured.seconds()));
            rows.add(row);
            out.println(name + " " + format(row));
            measured.errorSamples().forEach(error -> out.println("  " + name + " error: " + error));
        }
        return rows;
    }

    private static int items(String scenario) {
        return switch (scenario) {
            case "sync10" -> 10;
            case "sync100" -> 100;
            default -> 1;
        };
    }

    private static Row httpRow(
            String scenario, int connections, Map<String, Long> result, double serverCpu, double databaseCpu) {
        double seconds = result.get("duration_us") / 1e6;
        double perSecond = result.get("requests") / seconds;
        long errors = result.get("connect_errors")
                + result.get("read_errors")
                + result.get("write_errors")
                + result.get("status_errors")
                + result.get("timeouts");
        return new Row(
                scenario,
                connections,
                perSecond,
                perSecond * items(scenario),
                result.get("p50_us"),
                result.get("p90_us"),
                result.get("p99_us"),
                errors,
                serverCpu,
                databaseCpu);
    }

    private static String format(Row row) {
        return String.format(
                Locale.ROOT,
                "%-12s c=%-3d %,9.0f req/s %,10.0f items/s  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms"
                        + "  errors %d  cpu server %.0f%% db %.0f%%",
                row.scenario(),
                row.connections(),
                row.perSecond(),
                row.itemsPerSecond(),
                row.p50() / 1000.0,
                row.p90() / 1000.0,
                row.p99() / 1000.0,
                row.errors(),
                row.serverCpu(),
                row.databaseCpu());
    }

    /** Runs wrk once and returns the numbers its done() hook printed. */
    private Map<String, Long> wrk(
            String base, String scenario, String auth, Dataset dataset, String run, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                Path.of("bench", "points.lua").toAbsolutePath().toString(),
                base,
                "--",
                scenario,
                auth,
                Long.toString(dataset.firstMember()),
                Long.toString(dataset.lastMember()),
                Long.toString(dataset.heavyMember()),
                Integer.toString(dataset.deepPage()),
                run);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no result: " + output);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("\"(\\w+)\": (-?\\d+)").matcher(matcher.group(1));
        while (pair.find()) {
            values.put(pair.group(1), Long.parseLong(pair.group(2)));
        }
        return values;
    }

    /** utime + stime of a process, in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Percent of one core. */
    private static double cpuPercent(long ticks, double seconds) {
        return ticks / (seconds * 100) * 100;
    }
}
