package com.twork.points.member.control;

import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** The target-member check every points route makes after authentication (§3.0: 404, then 403). */
@ApplicationScoped
public class ActiveMembers {
    @Inject
    MemberRepository repository;

    /** The member, if it exists and is active; otherwise the failure the caller must see. */
    public Member get(long userId) {
        return requireActive(repository.find(userId).orElseThrow(MemberNotFoundException::new));
    }

    /**
     * The member when it exists and is active; empty when it does not exist (or the id is not a usable one), so the
     * caller can take the way that may create it; the 403 when it is inactive. A plain read, outside any
     * transaction.
     */
    public Optional<Member> findActive(long userId) {
        return userId <= 0 ? Optional.empty() : repository.find(userId).map(ActiveMembers::requireActive);
    }

    /** The member, and whether this call created it (for the sign-up bonus). */
    public record Found(Member member, boolean created) {}

    /**
     * Like {@link #get(long)}, but an unknown member is created first when {@code mayCreate}
     * ({@code auto_create_members} for write-key callers).
     */
    public Found getOrCreate(long userId, boolean mayCreate, Instant now) {
        if (userId <= 0) {
            throw new MemberNotFoundException();
        }
        boolean created = mayCreate && repository.find(userId).isEmpty() && repository.createIfMissing(userId, now);
        return new Found(get(userId), created);
    }

    private static Member requireActive(Member member) {
        if (!member.isActive()) {
            throw MemberInactiveException.of(member.status());
        }
        return member;
    }
}
