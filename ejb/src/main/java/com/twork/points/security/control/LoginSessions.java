package com.twork.points.security.control;

import com.twork.points.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Login sessions in the database, so any instance can serve a logged-in caller: the cookie holds 256 random
 * bits, the table only their SHA-256. A session ends after {@link #IDLE} without use or at logout.
 */
@ApplicationScoped
public class LoginSessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    /** A live session and its account. */
    public record LiveSession(long id, long accountId, Instant lastSeen) {}

    /** A new session: its id and the token to put in the cookie (shown once, never stored). */
    public record NewSession(long id, String token) {}

    public NewSession open(long accountId, String clientAddress, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO login_session (token_hash, account_id, created_at, last_seen_at,"
                        + " client_address) VALUES (?1, ?2, ?3, ?3, ?4)")
                .setParameter(1, KeyHashing.sha256Hex(token))
                .setParameter(2, accountId)
                .setParameter(3, now)
                .setParameter(4, clientAddress)
                .executeUpdate();
        Number id = (Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult();
        return new NewSession(id.longValue(), token);
    }

    /** The session behind a cookie token, unless unknown or idle for longer than {@link #IDLE}. */
    public Optional<LiveSession> find(String token, Instant now) {
        List<?> rows = em.createNativeQuery(
                        "SELECT id, account_id, last_seen_at FROM login_session WHERE token_hash = ?1")
                .setParameter(1, KeyHashing.sha256Hex(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        LiveSession session =
                new LiveSession(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Times.instant(row[2]));
        return session.lastSeen().isBefore(now.minus(IDLE)) ? Optional.empty() : Optional.of(session);
    }

    /** Marks the session used (at most once a minute, in its own short transaction). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void touch(long sessionId, Instant now) {
        em.createNativeQuery("UPDATE login_session SET last_seen_at = ?2 WHERE id = ?1 AND last_seen_at < ?3")
                .setParameter(1, sessionId)
                .setParameter(2, now)
                .setParameter(3, now.minusSeconds(60))
                .executeUpdate();
    }

    public void close(String token) {
        em.createNativeQuery("DELETE FROM login_session WHERE token_hash = ?1")
                .setParameter(1, KeyHashing.sha256Hex(token))
                .executeUpdate();
    }

    /** Ends the account's other sessions (its password changed: a stolen session must not survive that). */
    public void closeAllBut(long accountId, long keepSessionId) {
        em.createNativeQuery("DELETE FROM login_session WHERE account_id = ?1 AND id <> ?2")
                .setParameter(1, accountId)
                .setParameter(2, keepSessionId)
                .executeUpdate();
    }

    /** Ends every session of an account (disabled, password reset). */
    public void closeAll(long accountId) {
        em.createNativeQuery("DELETE FROM login_session WHERE account_id = ?1")
                .setParameter(1, accountId)
                .executeUpdate();
    }
}
