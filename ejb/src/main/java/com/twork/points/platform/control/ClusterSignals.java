package com.twork.points.platform.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells every instance at once that a cache is stale, through Payara's Hazelcast data grid when the instance is a
 * member of one (a topic every instance listens to), and always this instance itself. The database stays the
 * truth: without a grid (a single instance, {@code --nohazelcast}, or a member cut off from its peers) each cache
 * still expires by its own time ({@code twork.auth.key-cache-millis}, {@code twork.settings.refresh-millis}).
 *
 * <p>Signals leave only after the transaction that made the change commits: one sent before could make another
 * instance re-read the old row and cache it again for its full time.
 */
@ApplicationScoped
public class ClusterSignals {
    static final String TOPIC = "twork-cache-invalidations";
    private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());

    @Inject
    Event<CacheInvalidation> local;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final String self = UUID.randomUUID().toString();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Optional<ITopic<String>> topic = Optional.empty();
    private volatile UUID listener;

    @PostConstruct
    void join() {
        Optional<HazelcastInstance> grid = dataGrid();
        if (grid.isEmpty()) {
            LOG.info("No data grid: each instance's caches expire by time (twork.auth.key-cache-millis,"
                    + " twork.settings.refresh-millis)");
            return;
        }
        try {
            ITopic<String> joined = grid.get().getTopic(TOPIC);
            listener = joined.addMessageListener(message -> received(message.getMessageObject()));
            topic = Optional.of(joined);
            LOG.info(() -> "Cache invalidations go through the data grid ("
                    + grid.get().getCluster().getMembers().size() + " member(s) now)");
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The data grid is not usable; each instance's caches expire by time instead: " + e.getMessage(),
                    e);
        }
    }

    /** Joins at start-up (an application-scoped bean is otherwise made on first use, and would miss signals). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the container made this bean to deliver the event: joining happened in join()
    }

    @PreDestroy
    void leave() {
        UUID registered = listener;
        topic.ifPresent(joined -> {
            try {
                joined.removeMessageListener(registered);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Listener not removed (the grid is shutting down)", e);
            }
        });
    }

    /**
     * Marks {@code what} stale on every instance once the current transaction commits (at once when there is
     * none); nothing is sent when it rolls back.
     */
    public void changed(CacheInvalidation what) {
        if (transactions.getTransactionKey() == null) {
            send(what);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send(what);
                }
            }
        });
    }

    private void send(CacheInvalidation what) {
        local.fire(what);
        topic.ifPresent(joined -> {
            try {
                joined.publish(self + ' ' + what.name());
            } catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.log(
                            Level.WARNING,
                            "Could not tell the other instances through the data grid; their caches expire by time",
                            e);
                }
            }
        });
    }

    /** A signal from the grid: every member gets every message, its own included (already applied here). */
    private void received(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(self)) {
            return;
        }
        try {
            local.fire(CacheInvalidation.valueOf(message.substring(space + 1)));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Unknown cache invalidation from the grid: " + message);
        }
    }

    /** Payara's own Hazelcast instance, if this server runs one (not with {@code --nohazelcast}). */
    private static Optional<HazelcastInstance> dataGrid() {
        try {
            Object found = new InitialContext().lookup("payara/Hazelcast");
            if (found instanceof HazelcastInstance instance
                    && instance.getLifecycleService().isRunning()) {
                return Optional.of(instance);
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No Payara data grid here", e);
        }
        return Optional.empty();
    }
}
