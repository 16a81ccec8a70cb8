package com.twork.points.tier.control;

import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.tier.entity.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The current tier ladder, reloaded from the database every few seconds like the settings. */
@ApplicationScoped
public class TierCatalog {
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "twork.settings.refresh-millis", defaultValue = "3000")
    long refreshMillis;

    private volatile TierLadder ladder;
    private volatile long loadedAtNanos;

    /** Forgets the loaded ladder, so the next read (in this JVM) sees a change at once. */
    public void invalidate() {
        ladder = null;
    }

    public TierLadder ladder() {
        TierLadder current = ladder;
        long now = System.nanoTime();
        if (current == null || now - loadedAtNanos > refreshMillis * 1_000_000L) {
            current = new TierLadder(em.createNamedQuery("Tier.findAllByThreshold", Tier.class).getResultList().stream()
                    .map(tier -> new TierLadder.Rung(tier.key(), tier.label(), tier.threshold(), tier.multiplier()))
                    .toList());
            ladder = current;
            loadedAtNanos = now;
        }
        return current;
    }

    /** Another instance (or this one, after its commit) changed it. */
    void onChange(@Observes CacheInvalidation what) {
        if (what == CacheInvalidation.TIERS) {
            invalidate();
        }
    }
}
