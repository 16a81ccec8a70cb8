package com.twork.points.member.control;

import com.twork.points.member.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Loads members by the shop's user id. */
@ApplicationScoped
public class MemberRepository {
    @PersistenceContext
    EntityManager em;

    public Optional<Member> find(long userId) {
        return Optional.ofNullable(em.find(Member.class, userId));
    }
}
