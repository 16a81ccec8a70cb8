package com.twork.points.order.control;

import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log: each delivery is recorded (committed) before it is processed, so WooCommerce gets its 200
 * only for events safely kept, and a repeat of the same delivery id with the same body is recognised. A delivery
 * its instance never finished (it stopped in between) is found and applied later by the recovery job.
 */
@ApplicationScoped
public class WebhookDeliveries {
    @PersistenceContext
    EntityManager em;

    /** The new row's id, or empty when this exact delivery was received before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> record(
            String deliveryId, String bodyHash, String topic, String resourceId, String payload, Instant now) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO webhook_delivery (delivery_id, body_hash, topic,"
                        + " resource_id, outcome, payload, received_at) VALUES (?1, ?2, ?3, ?4, 'received', ?5, ?6)")
                .setParameter(1, deliveryId)
                .setParameter(2, bodyHash)
                .setParameter(3, topic)
                .setParameter(4, resourceId)
                .setParameter(5, payload)
                .setParameter(6, now)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(
                ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue());
    }

    /** A delivery recorded and never finished: its instance stopped between recording and applying it. */
    public record Unfinished(long id, String deliveryId, String topic, Optional<String> payload, Instant receivedAt) {}

    /** Deliveries still "received" that arrived before {@code receivedBefore}, oldest first. */
    public List<Unfinished> unfinished(Instant receivedBefore, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, delivery_id, topic, payload, received_at FROM webhook_delivery"
                        + " WHERE outcome = 'received' AND received_at < ?1 ORDER BY received_at, id LIMIT ?2")
                .setParameter(1, receivedBefore)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Unfinished(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        (String) row[2],
                        Optional.ofNullable((String) row[3]),
                        Times.instant(row[4])))
                .toList();
    }

    /** Takes a delivery for recovery; false when another instance took it (or it was finished meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claimForRecovery(long id) {
        return em.createNativeQuery(
                                "UPDATE webhook_delivery SET outcome = 'recovering' WHERE id = ?1 AND outcome = 'received'")
                        .setParameter(1, id)
                        .executeUpdate()
                == 1;
    }

    /** The newest order event received for an order (applied or not): what re-processing starts from. */
    public Optional<Object[]> latestOrderEvent(String orderId) {
        return em.createNativeQuery("SELECT topic, payload FROM webhook_delivery WHERE resource_id = ?1"
                        + " AND topic LIKE 'order.%' AND payload IS NOT NULL ORDER BY id DESC LIMIT 1")
                .setParameter(1, orderId)
                .getResultStream()
                .map(row -> (Object[]) row)
                .findFirst();
    }

    /** Drops a delivery's stored body (it named an erased member: docs/privacy.md). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetBody(long id) {
        em.createNativeQuery("UPDATE webhook_delivery SET payload = NULL WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(long id, String outcome, String detail) {
        em.createNativeQuery("UPDATE webhook_delivery SET outcome = ?2, detail = ?3 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, outcome)
                .setParameter(3, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .executeUpdate();
    }
}
