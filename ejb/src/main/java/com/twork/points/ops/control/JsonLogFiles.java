package com.twork.points.ops.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;

/** The log files: JSON lines, rotated at 1 MB, the newest {@link #FILES} kept ({@code twork-points.0.log} newest). */
public final class JsonLogFiles {
    public static final int LIMIT_BYTES = 1_000_000;
    public static final int FILES = 10;
    public static final String PATTERN = "twork-points.%g.log";

    private JsonLogFiles() {}

    public static Handler handler(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileHandler handler = new FileHandler(folder.resolve(PATTERN).toString(), LIMIT_BYTES, FILES, true);
        handler.setFormatter(new JsonLogFormatter());
        handler.setEncoding("UTF-8");
        handler.setLevel(Level.INFO);
        return handler;
    }
}
