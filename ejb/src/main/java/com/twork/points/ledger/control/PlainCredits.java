package com.twork.points.ledger.control;

import com.twork.points.ledger.boundary.EarnCommand;
import com.twork.points.ledger.boundary.WriteResult;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plain credits of one {@code /sync} batch, in the batch's transaction: items that need nothing but a lot (no
 * order id, so no order key, claim or webhook rule; no bonus key; not a referral). They are counted into the locked
 * account as they come and written together by one multi-row insert, just before any other item of the batch is
 * judged (so it sees them) and at the end. Their pairing with rows posted through /earn (SPEC §3.5) reads the
 * candidates once for the batch instead of once per item.
 */
final class PlainCredits {
    private static final Set<TransactionType> TYPES =
            Set.of(TransactionType.EARN, TransactionType.REFUND, TransactionType.ADJUST);

    private final AccountLedger accounts;
    private final Optional<Instant> pairingSince;
    private final Map<String, Integer> waiting = new LinkedHashMap<>();
    private final List<PointTransaction> lots = new ArrayList<>();
    private List<PointTransaction> candidates;
    private long bornExpired;

    PlainCredits(AccountLedger accounts, Optional<Instant> pairingSince) {
        this.accounts = accounts;
        this.pairingSince = pairingSince;
    }

    /** Whether a sync credit is plain: its outcome depends only on the account and the pairing candidates. */
    static boolean accepts(EarnCommand command) {
        return TYPES.contains(command.type())
                && command.orderId().map(OrderKeys::normalise).isEmpty()
                && command.referredUserId().isEmpty();
    }

    /** Whether an item with this client id is counted but not written yet. */
    boolean holds(String clientRef) {
        return waiting.containsKey(clientRef);
    }

    /**
     * The /earn row this credit reports again, now paired with it (its {@code client_ref} becomes the item's id), if
     * there is one: the oldest unpaired one with the same type, points and description.
     */
    Optional<Long> pair(long userId, EarnCommand command, String clientRef) {
        if (pairingSince.isEmpty()) {
            return Optional.empty();
        }
        if (candidates == null) {
            candidates = new ArrayList<>(accounts.unpairedRestRows(userId, TYPES, pairingSince.get()));
        }
        String description = command.description().orElse(null);
        for (PointTransaction row : candidates) {
            // A row an item judged one by one paired meanwhile is the same managed object: skip it.
            if (!row.isPaired()
                    && row.type() == command.type()
                    && row.points() == command.points()
                    && Objects.equals(row.description().orElse(null), description)) {
                row.pair(clientRef);
                candidates.remove(row);
                return Optional.of(row.id());
            }
        }
        return Optional.empty();
    }

    /** Counts the lot of item {@code index} into the account; written by the next {@link #write}. */
    void add(int index, PointTransaction lot) {
        waiting.put(lot.clientRef().orElseThrow(), index);
        lots.add(lot);
        if (lot.isExpiredAt(lot.createdAt())) {
            bornExpired += lot.points();
        }
    }

    /**
     * Writes the waiting lots (one statement) and records their ids as the answers of their items and as the
     * batch's recorded client ids.
     */
    void write(Map<String, Long> recorded, PointsLedger.SyncWritten[] outcomes) {
        if (lots.isEmpty()) {
            return;
        }
        List<Long> ids = accounts.insertPlainLots(lots);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lots.size(); i++) {
            PointTransaction lot = lots.get(i);
            String ref = lot.clientRef().orElseThrow();
            if (!seen.add(ref)) {
                throw new IllegalStateException("client id " + ref + " counted twice in one batch");
            }
            recorded.put(ref, ids.get(i));
            outcomes[waiting.get(ref)] = new PointsLedger.SyncWritten(
                    Optional.of(WriteResult.written(ids.get(i), 0, lot.points())), Optional.empty());
        }
        waiting.clear();
        lots.clear();
    }

    /** Points of this batch's plain lots that were past their expiry when written (counted, not shown). */
    long bornExpired() {
        return bornExpired;
    }
}
