package com.twork.points.privacy.boundary;

import com.twork.points.ledger.control.BalanceSnapshot;
import com.twork.points.ledger.control.LedgerQueries;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.privacy.control.MemberErasure;
import com.twork.points.privacy.control.MemberExport;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.tier.control.TierStanding;
import com.twork.points.tier.control.TierStandings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer's data rights (docs/privacy.md): the export of everything stored about a member (staff, or the customer
 * themself through their session) and its erasure (ADMIN only, with a reason). API keys may do neither: the shop's
 * integration key is not a person who answers a data-subject request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrivacyService {
    @Inject
    LedgerQueries ledger;

    @Inject
    TierStandings tiers;

    @Inject
    MemberErasure erasure;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    /**
     * Checks who asks and that the member exists, and returns what the streamed document needs besides its rows;
     * the caller then streams it with {@link MemberExport#write} outside any transaction. Erased members can be
     * exported too: the document shows what is left.
     */
    @RequiresPermission(value = Permission.READ, keys = false, customers = CustomerAccess.OWN_MEMBER)
    public MemberExport.Derived export(long userId) {
        Instant now = clock.now();
        long lifetimeEarned = ledger.memberBalance(userId, now, now)
                .orElseThrow(MemberNotFoundException::new)
                .snapshot()
                .map(BalanceSnapshot::lifetimeEarned)
                .orElse(0L);
        TierStanding standing = tiers.of(userId, lifetimeEarned, now);
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("key", standing.key());
        tier.put("label", standing.label());
        tier.put("multiplier", standing.multiplier());
        tier.put("next_key", standing.nextKey().orElse(null));
        tier.put("points_to_next", standing.pointsToNext().orElse(null));
        return new MemberExport.Derived(now, tier);
    }

    /**
     * Erases the member (GDPR Art. 17): see {@link MemberErasure}. Erasing an erased member again answers as before
     * and does nothing more. A deadlock with a concurrent write costs a retry, not an error.
     */
    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public ErasureResult erase(long userId, String reason) {
        AuthenticatedCaller admin = caller.caller().orElseThrow();
        MemberErasure.Requester requester = new MemberErasure.Requester(admin.actor(), caller.clientAddress());
        MemberErasure.Outcome outcome =
                TransientFailures.retry(() -> erasure.erase(userId, reason, requester, clock.now()));
        return new ErasureResult(outcome.userId(), outcome.alreadyErased(), outcome.auditId(), outcome.removed());
    }
}
