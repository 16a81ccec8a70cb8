package com.twork.points.launcher.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One benchmark's section of {@code docs/benchmarks.md}: the text between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}, replaced in place by the benchmark that owns it (appended with its markers when the
 * report has none), so a rerun updates its figures and leaves the rest of the report alone.
 */
final class ReportSection {
    private ReportSection() {}

    static void write(Path report, String name, String body) throws IOException {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        String text = Files.isRegularFile(report) ? Files.readString(report) : "";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String section = begin + "\n" + body + end;
        Files.writeString(
                report,
                from >= 0 && to > from
                        ? text.substring(0, from) + section + text.substring(to + end.length())
                        : text + "\n" + section + "\n");
    }

    /** The machine a figure was measured on, for its caption: cores, OS, Java and the load average right now. */
    static String machine() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            load = "?";
        }
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s, Java %s, load average %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                load);
    }
}
