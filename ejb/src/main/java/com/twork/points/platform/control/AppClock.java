package com.twork.points.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only source of "now" in the application.
 *
 * <p>Tests move time by writing the hidden setting {@code clock_offset_seconds}; the offset is honoured only
 * when the deployment flag {@code twork.clock.test-shift-enabled} is true, so a production server can never be
 * shifted through its database. The offset is read from the database on every call in that mode (no cache), so
 * every instance moves at once.
 */
@ApplicationScoped
public class AppClock {
    static final String OFFSET_SETTING = "clock_offset_seconds";

    @Inject
    @ConfigProperty(name = "twork.clock.test-shift-enabled", defaultValue = "false")
    boolean shiftEnabled;

    @PersistenceContext
    EntityManager em;

    /** Current time, truncated to microseconds (the precision of DATETIME(6)). */
    public Instant now() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return shiftEnabled ? now.plus(offset()) : now;
    }

    private Duration offset() {
        List<?> values = em.createNativeQuery("SELECT value FROM setting WHERE name = ?1")
                .setParameter(1, OFFSET_SETTING)
                .getResultList();
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(values.get(0).toString().trim()));
    }
}
