package com.twork.points.sync.boundary;

import com.twork.points.ledger.boundary.WriteResult;
import com.twork.points.ledger.control.LedgerQueries;
import com.twork.points.ledger.control.PointsLedger;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.member.control.ActiveMembers;
import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.ops.control.PointsMetrics;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.TransientFailures;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import com.twork.points.sync.boundary.SyncItemResult.Status;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code POST /sync} [fix: the plugin re-inserted every echoed row]. After every balance load the app re-posts
 * its cached list, mostly our own rows: those are recognised in bulk first (by our transaction id or an
 * already recorded client id) without touching the account. Every other item runs as its own transaction, so
 * one bad item never undoes or blocks the rest, and replaying a batch any number of times changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());
    private static final Pattern SERVER_ID = Pattern.compile("\\d{1,18}");

    @Inject
    PointsLedger ledger;

    @Inject
    LedgerQueries queries;

    @Inject
    ActiveMembers members;

    @Inject
    SettingsCache settings;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    @Inject
    FailureAlerts failures;

    @Inject
    PointsMetrics metrics;

    @RequiresPermission(Permission.WRITE)
    public SyncOutcome sync(SyncBatch batch) {
        AuthenticatedCaller verified = caller.caller().orElseThrow();
        PointsLedger.Actor actor =
                new PointsLedger.Actor(verified.actor(), TransactionSource.SYNC, verified.mayCreateMembers());
        if (members.findActive(batch.userId()).isPresent()) {
            refuseBadBatch(batch);
        } else {
            // Unknown (or no usable id): the member check that may create it, in a transaction with the batch's
            // own checks, so a refused batch leaves no auto-created member behind.
            TransientFailures.retry(() -> {
                ledger.requireMember(batch.userId(), actor, () -> refuseBadBatch(batch));
                return batch.userId();
            });
        }
        Echoes echoes = echoes(batch);
        SyncItemResult[] results = new SyncItemResult[batch.items().size()];
        List<SyncItem> writes = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            SyncItem item = batch.items().get(i);
            Optional<SyncItemResult> judged = judgeWithoutWriting(item, echoes);
            if (judged.isPresent()) {
                results[i] = judged.get();
            } else {
                writes.add(item);
            }
        }
        Optional<Long> shownBalance = Optional.empty();
        if (!writes.isEmpty()) {
            Written written = write(batch.userId(), writes, actor);
            for (int i = 0; i < results.length; i++) {
                if (results[i] == null) {
                    results[i] = written.results().get(batch.items().get(i));
                }
            }
            shownBalance = written.shownBalance();
        }
        for (SyncItemResult result : results) {
            metrics.syncItem(result.status().wire());
        }
        return new SyncOutcome(
                List.of(results), shownBalance.orElseGet(() -> queries.shownBalance(batch.userId(), clock.now())));
    }

    /** The answers of the items that had to be written, and the balance the batch's transaction saw, if it could. */
    private record Written(Map<SyncItem, SyncItemResult> results, Optional<Long> shownBalance) {}

    /**
     * The batch's writes in one transaction (retried as a whole after a deadlock); if that fails for good, one
     * transaction per item, so one broken item cannot cost the others their answer.
     */
    private Written write(long userId, List<SyncItem> writes, PointsLedger.Actor actor) {
        List<PointsLedger.SyncWrite> asked = writes.stream()
                .map(item -> new PointsLedger.SyncWrite(item.id().orElseThrow(), item.earn(), item.redeem()))
                .toList();
        Map<SyncItem, SyncItemResult> results = new IdentityHashMap<>();
        try {
            PointsLedger.SyncBatchWritten batch = TransientFailures.retry(() -> ledger.syncItems(userId, asked, actor));
            List<PointsLedger.SyncWritten> outcomes = batch.items();
            for (int i = 0; i < writes.size(); i++) {
                SyncItem item = writes.get(i);
                PointsLedger.SyncWritten outcome = outcomes.get(i);
                results.put(
                        item,
                        outcome.written()
                                .map(written -> written(item, written))
                                .orElseGet(() -> refused(item, outcome.refused().orElseThrow())));
            }
            return new Written(results, batch.shownBalance());
        } catch (RuntimeException batchFailed) {
            LOG.log(
                    Level.WARNING,
                    batchFailed,
                    () -> "Sync batch of member " + userId + " failed as one transaction; writing item by item");
            for (int i = 0; i < writes.size(); i++) {
                results.put(writes.get(i), writeAlone(userId, writes.get(i), asked.get(i), actor));
            }
            return new Written(results, Optional.empty());
        }
    }

    private void refuseBadBatch(SyncBatch batch) {
        batch.problem().ifPresent(problem -> {
            throw problem;
        });
        int limit = settings.current().integer(SettingKey.SYNC_BATCH_LIMIT);
        if (batch.items().size() > limit) {
            throw new BatchTooLargeException(limit, batch.items().size());
        }
    }

    /** The answer for an item that writes nothing (ignored, an echo of ours, invalid); empty if it must write. */
    private static Optional<SyncItemResult> judgeWithoutWriting(SyncItem item, Echoes echoes) {
        if (item.ignored()) {
            return Optional.of(result(item, Status.IGNORED, Optional.empty()));
        }
        // An echo of one of our rows is recognised by its id before the item is judged as a new event: the app
        // re-posts rows it could never post itself (negative adjustments, reversals, imported legacy rows).
        Optional<Long> echoed = item.id().flatMap(echoes::of);
        if (echoed.isPresent()) {
            return Optional.of(result(item, Status.DUPLICATE, echoed));
        }
        if (item.problem().isPresent()) {
            return Optional.of(new SyncItemResult(
                    item.index(),
                    item.id(),
                    Status.REJECTED,
                    Optional.empty(),
                    Optional.of(item.problem().get())));
        }
        return Optional.empty();
    }

    private SyncItemResult writeAlone(
            long userId, SyncItem item, PointsLedger.SyncWrite write, PointsLedger.Actor actor) {
        try {
            return written(item, TransientFailures.retry(() -> ledger.syncItem(userId, write, actor)));
        } catch (ApplicationFailure failure) {
            return refused(item, failure);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Sync item " + item.index() + " of member " + userId + " failed");
            failures.record("sync", "Sync item of member " + userId + " failed: " + e.getMessage(), clock.now());
            return refused(item, new ItemFailedException());
        }
    }

    private static SyncItemResult written(SyncItem item, WriteResult written) {
        return result(
                item, written.existing() ? Status.DUPLICATE : Status.APPLIED, Optional.of(written.transactionId()));
    }

    private static SyncItemResult refused(SyncItem item, ApplicationFailure failure) {
        return new SyncItemResult(item.index(), item.id(), Status.REJECTED, Optional.empty(), Optional.of(failure));
    }

    /** The batch's ids that are already ours (our row ids, recorded client ids): one query. */
    private Echoes echoes(SyncBatch batch) {
        List<Long> rowIds = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (SyncItem item : batch.items()) {
            item.id().ifPresent(id -> {
                refs.add(id);
                if (SERVER_ID.matcher(id).matches()) {
                    rowIds.add(Long.parseLong(id));
                }
            });
        }
        LedgerQueries.KnownIds known = queries.knownIds(batch.userId(), rowIds, refs);
        return new Echoes(known.rowIds(), known.byClientRef());
    }

    private record Echoes(Set<Long> rowIds, Map<String, Long> byClientRef) {
        Optional<Long> of(String id) {
            if (byClientRef.containsKey(id)) {
                return Optional.of(byClientRef.get(id));
            }
            if (SERVER_ID.matcher(id).matches() && rowIds.contains(Long.parseLong(id))) {
                return Optional.of(Long.parseLong(id));
            }
            return Optional.empty();
        }
    }

    private static SyncItemResult result(SyncItem item, Status status, Optional<Long> transactionId) {
        return new SyncItemResult(item.index(), item.id(), status, transactionId, Optional.empty());
    }
}
