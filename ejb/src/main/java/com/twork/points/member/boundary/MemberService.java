package com.twork.points.member.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.ledger.control.SignupBonus;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.boundary.InvalidInputException;
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

    @Inject
    AuditTrail audit;

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

    /**
     * Staff correct a member's record (name, e-mail, birthday, status) with a reason; audited with the values before
     * and after. An inactive ("blocked") member earns and redeems nothing: every write for it answers 403
     * {@code rest_user_inactive}.
     */
    @RequiresPermission(value = Permission.WRITE, keys = false)
    public Member edit(MemberChanges changes, String reason) {
        changes.problem().ifPresent(problem -> {
            throw problem;
        });
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 1_000) {
            throw new InvalidInputException(
                    "invalid_params",
                    "A reason (1 to 1,000 characters) is required",
                    java.util.Map.<String, Object>of("params", java.util.Map.of("reason", "A reason is required.")));
        }
        Member member = members.lock(changes.userId()).orElseThrow(MemberNotFoundException::new);
        if (member.isErased()) {
            throw new MemberErasedException();
        }
        String before = describe(member);
        member.update(changes.email(), changes.displayName(), changes.status(), changes.birthday(), clock.now());
        String after = describe(member);
        if (!before.equals(after)) {
            audit.member("member.updated", member.userId(), why, before + " → " + after);
        }
        return member;
    }

    private static String describe(Member member) {
        return "name=" + member.displayName().orElse("") + ", email="
                + member.email().orElse("") + ", birthday="
                + member.birthday().map(Object::toString).orElse("") + ", status="
                + member.status().wire();
    }
}
