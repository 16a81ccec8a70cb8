package com.twork.points.ops.boundary;

import com.twork.points.ops.control.JsonLogFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends everything our code logs to JSON-line files in {@code twork.log.dir} (outside any web-served folder),
 * besides the server's own console log.
 */
@Startup
@Singleton
public class LogSetup {
    static final String ROOT = "com.twork.points";
    private static final Logger LOG = Logger.getLogger(LogSetup.class.getName());

    @Inject
    @ConfigProperty(name = "twork.log.dir", defaultValue = "logs")
    String folder;

    private Handler handler;

    @PostConstruct
    void attach() {
        try {
            handler = JsonLogFiles.handler(Path.of(folder).toAbsolutePath());
            Logger.getLogger(ROOT).addHandler(handler);
            LOG.info(() -> "JSON logs go to " + Path.of(folder).toAbsolutePath());
        } catch (IOException e) {
            LOG.severe(() -> "Cannot write logs to " + folder + ": " + e.getMessage() + " (console only)");
        }
    }

    @PreDestroy
    void detach() {
        if (handler != null) {
            Logger.getLogger(ROOT).removeHandler(handler);
            handler.close();
        }
    }
}
