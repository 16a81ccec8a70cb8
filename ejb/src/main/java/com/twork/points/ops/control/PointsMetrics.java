package com.twork.points.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's metrics (SPEC §9), served by Payara at {@code /metrics}: transactions by type and outcome,
 * sync items by status, authentication failures by reason, webhook deliveries by outcome, and the points
 * members hold in total. Counters are per instance (Prometheus adds them up across instances).
 */
@ApplicationScoped
public class PointsMetrics {
    static final long GAUGE_REFRESH_NANOS = 15_000_000_000L;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @PersistenceContext
    EntityManager em;

    private final AtomicLong outstanding = new AtomicLong();
    private volatile long outstandingReadAt;

    public void transaction(String type, String outcome) {
        registry.counter("twork_transactions", new Tag("type", type), new Tag("outcome", outcome))
                .inc();
    }

    public void syncItem(String status) {
        registry.counter("twork_sync_items", new Tag("status", status)).inc();
    }

    public void authFailure(String reason) {
        registry.counter("twork_auth_failures", new Tag("reason", reason)).inc();
    }

    public void webhookDelivery(String outcome) {
        registry.counter("twork_webhook_deliveries", new Tag("outcome", outcome))
                .inc();
    }

    /** Points held by all members (balance), re-read at most every 15 s so scraping never loads the database. */
    @Gauge(name = "twork_outstanding_points", unit = "points", absolute = true, description = "Sum of all balances")
    public long outstandingPoints() {
        long now = System.nanoTime();
        if (now - outstandingReadAt > GAUGE_REFRESH_NANOS) {
            Object sum = em.createNativeQuery("SELECT COALESCE(SUM(balance), 0) FROM point_account")
                    .getSingleResult();
            outstanding.set(((Number) sum).longValue());
            outstandingReadAt = now;
        }
        return outstanding.get();
    }
}
