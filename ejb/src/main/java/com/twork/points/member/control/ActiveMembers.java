package com.twork.points.member.control;

import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.member.entity.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The target-member check every points route makes after authentication (§3.0: 404, then 403). */
@ApplicationScoped
public class ActiveMembers {
    @Inject
    MemberRepository repository;

    /** The member, if it exists and is active; otherwise the failure the caller must see. */
    public Member get(long userId) {
        Member member = repository.find(userId).orElseThrow(MemberNotFoundException::new);
        if (!member.isActive()) {
            throw new MemberInactiveException();
        }
        return member;
    }
}
