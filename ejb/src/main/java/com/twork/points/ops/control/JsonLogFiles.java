package com.twork.points.ops.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.regex.Pattern;

/** The log files: JSON lines, rotated at 1 MB, the newest {@link #FILES} kept ({@code twork-points.0.log} newest). */
public final class JsonLogFiles {
    public static final int LIMIT_BYTES = 1_000_000;
    public static final int FILES = 10;
    public static final String PATTERN = "twork-points.%g.log";

    private static final Pattern ROTATED = Pattern.compile("twork-points\\.[1-9][0-9]*\\.log");

    private JsonLogFiles() {}

    /**
     * Deletes the rotated files (never the one being written, {@code .0}) last changed before {@code cutoff}: the
     * retention of log files (docs/privacy.md). The number of files is capped by rotation anyway; this caps their age.
     */
    public static int deleteRotatedBefore(Path folder, Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Path name = file.getFileName();
                if (name != null
                        && ROTATED.matcher(name.toString()).matches()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune the log folder " + folder, e);
        }
        return deleted;
    }

    public static Handler handler(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileHandler handler = new FileHandler(folder.resolve(PATTERN).toString(), LIMIT_BYTES, FILES, true);
        handler.setFormatter(new JsonLogFormatter());
        handler.setEncoding("UTF-8");
        handler.setLevel(Level.INFO);
        return handler;
    }
}
