package com.twork.points.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Secrets all instances share, kept in the database: created once (256 random bits) by whichever instance needs
 * one first, never changed afterwards, so caching them in memory is safe.
 */
@ApplicationScoped
public class ServerSecrets {
    public static final String NONCE_KEY = "nonce_hmac_key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

    @Inject
    Store store;

    public byte[] get(String name) {
        return cache.computeIfAbsent(name, store::loadOrCreate).clone();
    }

    /** The table access, in its own transaction whatever the caller's state. */
    @ApplicationScoped
    public static class Store {
        @PersistenceContext
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public byte[] loadOrCreate(String name) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            em.createNativeQuery("INSERT IGNORE INTO server_secret (name, value, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name)
                    .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                    .setParameter(3, Instant.now())
                    .executeUpdate();
            List<?> rows = em.createNativeQuery("SELECT value FROM server_secret WHERE name = ?1")
                    .setParameter(1, name)
                    .getResultList();
            return Base64.getDecoder().decode((String) rows.get(0));
        }
    }
}
