package com.twork.points.rule.control;

import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.rule.entity.RuleStatus;
import com.twork.points.rule.entity.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The active rules, compiled once per instance: an award reads them from memory, never from the database. A change
 * through any instance clears every instance's copy through the data grid after its commit (decision 64); without
 * a grid a copy lives at most {@code twork.settings.refresh-millis}. An award takes one snapshot (an immutable
 * list) and uses it throughout, so a rule edited meanwhile applies to the next award, never half of one.
 */
@ApplicationScoped
public class RuleBook {
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "twork.settings.refresh-millis", defaultValue = "3000")
    long refreshMillis;

    private final AtomicLong generation = new AtomicLong();
    private volatile List<EarningRule> active;
    private volatile long loadedAtNanos;

    public List<EarningRule> active() {
        List<EarningRule> current = active;
        long now = System.nanoTime();
        if (current == null || now - loadedAtNanos > refreshMillis * 1_000_000L) {
            long seen = generation.get();
            current = em
                    .createNamedQuery("RuleVersion.current", RuleVersion.class)
                    .setParameter("statuses", Set.of(RuleStatus.ACTIVE))
                    .getResultList()
                    .stream()
                    .map(RuleDefinitions::read)
                    .toList();
            // A change signalled while this load ran may not be in it: keep it only if none came.
            if (generation.get() == seen) {
                active = current;
                loadedAtNanos = now;
            }
        }
        return current;
    }

    /** Forgets the compiled rules, so the next award (in this JVM) reads them again. */
    public void invalidate() {
        generation.incrementAndGet();
        active = null;
    }

    void onChange(@Observes CacheInvalidation what) {
        if (what == CacheInvalidation.EARNING_RULES) {
            invalidate();
        }
    }
}
