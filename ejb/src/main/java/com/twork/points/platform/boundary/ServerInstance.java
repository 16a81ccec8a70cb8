package com.twork.points.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This running instance, as the database knows it: a row in {@code server_instance} with a heartbeat refreshed
 * every second. Whoever needs to know whether another instance is still alive (an Idempotency-Key claim it holds)
 * asks the database, never this JVM: a killed instance simply stops beating. The row is removed on a clean stop;
 * rows of instances that stopped beating an hour ago are removed by whichever instance beats next.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerInstance {
    private static final Logger LOG = Logger.getLogger(ServerInstance.class.getName());
    private static final long BEAT_MILLIS = 1_000;
    /**
     * An instance whose heartbeat is older than this is dead for the claims it holds. Ten missed beats: far more
     * than a garbage-collection pause or a busy database delays one; taking over a claim of a live but slow
     * instance is still safe (the ledger row carries the claim, unique, written under the account lock), only
     * the answer would be computed twice.
     */
    public static final int DEAD_AFTER_SECONDS = 10;

    private final String id = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    @PostConstruct
    void register() {
        em.createNativeQuery("INSERT INTO server_instance (instance_id, host_name, started_at, heartbeat_at)"
                        + " VALUES (?1, ?2, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                .setParameter(1, id)
                .setParameter(2, hostName())
                .executeUpdate();
        timers.createIntervalTimer(BEAT_MILLIS, BEAT_MILLIS, new TimerConfig("server-instance-heartbeat", false));
        LOG.info(() -> "This instance is " + id + " in server_instance");
    }

    /** The id this instance's claims carry. */
    public String id() {
        return id;
    }

    @Timeout
    void beat() {
        try {
            int updated = em.createNativeQuery(
                            "UPDATE server_instance SET heartbeat_at = UTC_TIMESTAMP(6) WHERE instance_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            if (updated == 0) {
                // Removed while we were cut off for an hour: come back, with the same id.
                em.createNativeQuery("INSERT INTO server_instance (instance_id, host_name, started_at, heartbeat_at)"
                                + " VALUES (?1, ?2, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                        .setParameter(1, id)
                        .setParameter(2, hostName())
                        .executeUpdate();
            }
            em.createNativeQuery("DELETE FROM server_instance WHERE heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL 1 HOUR")
                    .executeUpdate();
        } catch (RuntimeException e) {
            // The database is away: the next beat tries again; meanwhile other instances see this one as dead.
            LOG.log(Level.FINE, "Heartbeat not written", e);
        }
    }

    @PreDestroy
    void deregister() {
        try {
            em.createNativeQuery("DELETE FROM server_instance WHERE instance_id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove this instance from server_instance; it ages out", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
