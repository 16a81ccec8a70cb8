package com.twork.points.security.control;

import com.twork.points.security.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds keys by their lookup hash and records their last use. */
@ApplicationScoped
public class ApiKeyRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<ApiKey> findByConsumerKey(String consumerKey) {
        return em.createNamedQuery("ApiKey.findByConsumerKeyHash", ApiKey.class)
                .setParameter("hash", KeyHashing.consumerKeyHash(consumerKey))
                .getResultStream()
                .findFirst();
    }

    public Optional<ApiKey> find(long id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    public List<ApiKey> all() {
        return em.createNamedQuery("ApiKey.findAll", ApiKey.class).getResultList();
    }

    public ApiKey add(ApiKey key) {
        em.persist(key);
        em.flush();
        return key;
    }

    /**
     * Sets {@code last_access} unless it was set less than a minute ago. Its own short transaction, so the one
     * key the mobile app shares never becomes a row lock held for the length of a business transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAccess(long keyId, Instant now) {
        em.createNativeQuery("UPDATE api_key SET last_access = ?1 WHERE id = ?2"
                        + " AND (last_access IS NULL OR last_access < ?3)")
                .setParameter(1, now)
                .setParameter(2, keyId)
                .setParameter(3, now.minusSeconds(60))
                .executeUpdate();
    }
}
