package com.twork.points.ops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogFilesTest {
    private static final Pattern START = Pattern.compile(
            "\\{\"ts\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"level\":\"[A-Z]+\",\"event\":\"[^\"]+\",\"message\":\".*");

    /** One JSON object per line, our keys in order, nothing unescaped that would break the line. */
    private static boolean wellFormed(String line) {
        return START.matcher(line).matches()
                && line.endsWith("\"}")
                && line.contains(",\"thread\":\"")
                && line.chars().noneMatch(c -> c < 0x20);
    }

    @Test
    void filesRotateAtOneMegabyteAndTheNewestTenAreKept(@TempDir Path folder) throws Exception {
        Logger logger = Logger.getLogger("com.twork.points.test.rotation");
        logger.setUseParentHandlers(false);
        Handler handler = JsonLogFiles.handler(folder);
        logger.addHandler(handler);
        try {
            LogContext.requestId("req-42");
            String filler = "x".repeat(900);
            for (int i = 0; i < 13_000; i++) {
                logger.info("line " + i + " \"quoted\" \\ back\tslash " + filler);
            }
            LogContext.clear();
            logger.log(Level.WARNING, "with an error\non two lines", new IllegalStateException("boom"));
        } finally {
            logger.removeHandler(handler);
            handler.close();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().matches("twork-points\\.\\d\\.log"))
                    .toList();
        }
        assertEquals(JsonLogFiles.FILES, files.size(), "about 11.7 MB written, only the newest ten files kept");
        for (Path file : files) {
            assertTrue(Files.size(file) <= JsonLogFiles.LIMIT_BYTES + 2_000, file + " " + Files.size(file));
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                assertTrue(wellFormed(line), line.length() > 200 ? line.substring(0, 200) : line);
            }
        }
        String newest = Files.readString(folder.resolve("twork-points.0.log"), StandardCharsets.UTF_8);
        assertTrue(newest.contains("\"request_id\":\"req-42\""));
        assertTrue(newest.contains("\"message\":\"with an error\\non two lines\""));
        assertTrue(newest.contains("IllegalStateException: boom"));
        String oldest = Files.readString(folder.resolve("twork-points.9.log"), StandardCharsets.UTF_8);
        assertTrue(!oldest.contains("\"message\":\"line 0 "), "the first lines were rotated away");
    }
}
