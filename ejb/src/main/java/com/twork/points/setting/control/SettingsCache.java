package com.twork.points.setting.control;

import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.entity.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the current settings snapshot and reloads it from the database when it is older than the refresh
 * interval, so a change made on any instance is seen by every instance within seconds. The table is tiny;
 * reloading it whole is cheaper than any change-tracking scheme.
 */
@ApplicationScoped
public class SettingsCache {
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "twork.settings.refresh-millis", defaultValue = "3000")
    long refreshMillis;

    private volatile Snapshot snapshot;

    private record Snapshot(Settings settings, long loadedAtNanos) {}

    public Settings current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null
                || now - current.loadedAtNanos()
                        > Duration.ofMillis(refreshMillis).toNanos()) {
            current = new Snapshot(load(), now);
            snapshot = current;
        }
        return current.settings();
    }

    /** Forgets the snapshot so the next read sees the database (after a change made on this instance). */
    public void invalidate() {
        snapshot = null;
    }

    private Settings load() {
        Map<String, String> stored = new HashMap<>();
        for (Setting setting :
                em.createNamedQuery("Setting.findAll", Setting.class).getResultList()) {
            stored.put(setting.name(), setting.value());
        }
        return Settings.of(stored);
    }

    /** Another instance (or this one, after its commit) changed it. */
    void onChange(@Observes CacheInvalidation what) {
        if (what == CacheInvalidation.SETTINGS) {
            invalidate();
        }
    }
}
