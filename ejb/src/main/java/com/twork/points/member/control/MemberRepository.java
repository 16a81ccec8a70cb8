package com.twork.points.member.control;

import com.twork.points.member.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Loads members by the shop's user id. */
@ApplicationScoped
public class MemberRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<Member> find(long userId) {
        return Optional.ofNullable(em.find(Member.class, userId));
    }

    /** The member with its row locked for update. */
    public Optional<Member> lock(long userId) {
        return Optional.ofNullable(em.find(Member.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Creates a bare active member unless one exists; safe when two requests race to create the same id. True
     * when this call created it.
     */
    public boolean createIfMissing(long userId, Instant now) {
        return em.createNativeQuery("INSERT IGNORE INTO member (user_id, status, created_at, updated_at)"
                                + " VALUES (?1, 'active', ?2, ?2)")
                        .setParameter(1, userId)
                        .setParameter(2, now)
                        .executeUpdate()
                == 1;
    }
}
