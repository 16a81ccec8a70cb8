package com.twork.points.member.boundary;

import com.twork.points.ledger.control.SignupBonus;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/** The members API (SPEC §3.7): read a member, create or update one. */
@Stateless
public class MemberService {
    @Inject
    MemberRepository members;

    @Inject
    AppClock clock;

    @Inject
    SignupBonus signupBonus;

    @Inject
    SettingsCache settings;

    @Inject
    CallerContext caller;

    /** Any member, active or not (the record says which). */
    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.OWN_MEMBER)
    public Member get(long userId) {
        return members.find(userId).orElseThrow(MemberNotFoundException::new);
    }

    /** Creates the member when missing, then applies the changes; answers the member as stored. */
    @RequiresPermission(Permission.WRITE)
    public Member upsert(MemberChanges changes) {
        changes.problem().ifPresent(problem -> {
            throw problem;
        });
        Instant now = clock.now();
        if (members.createIfMissing(changes.userId(), now)) {
            signupBonus.grant(
                    changes.userId(),
                    settings.current(),
                    new PointTransaction.Origin(
                            TransactionSource.REST,
                            caller.caller().map(AuthenticatedCaller::actor).orElse("system"),
                            now));
        }
        Member member = members.lock(changes.userId()).orElseThrow(MemberNotFoundException::new);
        if (member.isErased()) {
            throw new MemberErasedException();
        }
        member.update(changes.email(), changes.displayName(), changes.status(), changes.birthday(), now);
        return member;
    }
}
