package com.twork.points.ledger.control;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.idempotency.control.RequestIdempotency;
import com.twork.points.ledger.boundary.AdjustmentRefusedException;
import com.twork.points.ledger.boundary.AdjustmentResult;
import com.twork.points.ledger.boundary.AlreadyAwardedException;
import com.twork.points.ledger.boundary.AlreadyReferredException;
import com.twork.points.ledger.boundary.DuplicateTransactionException;
import com.twork.points.ledger.boundary.EarnCommand;
import com.twork.points.ledger.boundary.ExpiryResult;
import com.twork.points.ledger.boundary.InsufficientPointsException;
import com.twork.points.ledger.boundary.InvalidReferralException;
import com.twork.points.ledger.boundary.NotBirthdayException;
import com.twork.points.ledger.boundary.RedeemCommand;
import com.twork.points.ledger.boundary.RedemptionLimitException;
import com.twork.points.ledger.boundary.WriteResult;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.PointAccount;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.control.ActiveMembers;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.setting.boundary.Settings;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write use cases of the points API, each one database transaction: check the member, lock the account
 * row, expire due lots, then do the work. Callers run them through {@link
 * com.twork.points.platform.control.TransientFailures} so a deadlock costs a retry, not an error.
 */
@ApplicationScoped
public class PointsLedger {
    static final String INVALID_PARAMS = "invalid_params";
    /** The bonus key of the row that voids transaction N is {@code void:N}: one void per transaction. */
    public static final String VOID_KEY_PREFIX = "void:";

    static final String INVALID_USER_OR_POINTS = "Invalid user_id or points";

    @Inject
    RequestIdempotency requestIdempotency;

    @Inject
    AccountLedger accounts;

    @Inject
    ActiveMembers members;

    @Inject
    MemberRepository memberRepository;

    @Inject
    SettingsCache settingsCache;

    @Inject
    LedgerQueries queries;

    @Inject
    AppClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    SignupBonus signupBonus;

    /**
     * Who acts, through which door, and whether an unknown member may be created on the way (write-key
     * callers, while {@code auto_create_members} is on).
     */
    public record Actor(String name, TransactionSource source, boolean mayCreateMembers) {}

    /**
     * One use case in progress: the locked account, after due lots were expired. {@code lockedOrder} is the client
     * order key whose recorded row the lock read also looked up ({@code orderRowId}), if any.
     */
    private record Work(
            PointAccount account,
            PointTransaction.Origin origin,
            Settings settings,
            Optional<String> lockedOrder,
            Optional<Long> orderRowId) {
        Instant now() {
            return origin.at();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult earn(EarnCommand command, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        if (command.type() == TransactionType.EXPIRE && command.problem().isEmpty()) {
            // The server owns expiry [fix]: acknowledged, nothing written (not even a new member).
            requireUserId(command.userId());
            members.get(command.userId());
            return WriteResult.written(0, queries.shownBalance(command.userId(), now), 0);
        }
        Work work = beginChecked(
                command.userId(),
                actor,
                now,
                settings,
                clientOrderKey(command.type(), command.orderId()),
                command.problem());
        Optional<WriteResult> done = writtenUnderThisClaim(work);
        return done.isPresent() ? done.get() : credit(work, command, Optional.empty());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult redeem(RedeemCommand command, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        Work work = beginChecked(
                command.userId(),
                actor,
                now,
                settings,
                clientOrderKey(TransactionType.REDEEM, command.orderId()),
                command.problem());
        Optional<WriteResult> done = writtenUnderThisClaim(work);
        return done.isPresent() ? done.get() : debit(work, command, Optional.empty());
    }

    /**
     * The start of /earn and /redeem: the member check (§3.0: 404, 403, then the body's own problem) and the
     * account lock, answered by one locking read when the member has an account; a member without one (or unknown,
     * perhaps to be created) takes the long way.
     */
    private Work beginChecked(
            long userId,
            Actor actor,
            Instant now,
            Settings settings,
            Optional<String> clientOrderKey,
            Optional<InvalidInputException> problem) {
        requireUserId(userId);
        Optional<AccountLedger.Locked> locked = accounts.lockForWrite(userId, clientOrderKey);
        if (locked.isEmpty()) {
            requireMember(userId, actor, now, settings);
            problem.ifPresent(failure -> {
                throw failure;
            });
            return begin(userId, actor, now, settings);
        }
        if (!locked.get().memberActive()) {
            throw MemberInactiveException.of(locked.get().memberStatus());
        }
        problem.ifPresent(failure -> {
            throw failure;
        });
        return started(
                locked.get().account(),
                actor,
                settings,
                clientOrderKey,
                locked.get().orderRowId());
    }

    /** {@code type:normalised order id} for a row a client sends with an order id (SPEC §2), else empty. */
    private static Optional<String> clientOrderKey(TransactionType type, Optional<String> orderId) {
        return orderId.map(OrderKeys::normalise).map(key -> type.wire() + ":" + key);
    }

    /**
     * A retry that took over an Idempotency-Key claim abandoned by a crash finds the row the first attempt committed
     * before its answer could be stored, and answers with it instead of writing again.
     */
    private Optional<WriteResult> writtenUnderThisClaim(Work work) {
        return requestIdempotency
                .scope()
                .flatMap(scope -> accounts.findByIdempotencyScope(work.account().userId(), scope))
                .map(row -> WriteResult.existing(row.id(), work.account().balance()));
    }

    /** The claim to store on the row an /earn or /redeem writes (never on sync items: a batch has many rows). */
    private Optional<String> claimFor(Optional<String> clientRef) {
        return clientRef.isPresent() ? Optional.empty() : requestIdempotency.scope();
    }

    /**
     * One item of a {@code /sync} batch, already validated, as its own transaction: a duplicate when its id is
     * already recorded or when it pairs with a row posted through /earn or /redeem; otherwise applied like
     * /earn or /redeem with the item's id as {@code client_ref}. The fallback for a batch whose single
     * transaction failed ({@link #syncItems}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult syncItem(long userId, SyncWrite item, Actor actor) {
        Work work = begin(userId, actor, clock.now(), settingsCache.current());
        return syncOne(work, userId, item);
    }

    /** What a sync item asks to write: exactly one of {@code earn} and {@code redeem}. */
    public record SyncWrite(String clientRef, Optional<EarnCommand> earn, Optional<RedeemCommand> redeem) {}

    /** A sync item's outcome inside a batch: written (or found written before), or refused by a business rule. */
    public record SyncWritten(Optional<WriteResult> written, Optional<ApplicationFailure> refused) {}

    /**
     * What a batch wrote, item by item, and the balance the member now sees when the batch could tell it without a
     * query (it wrote only plain credits: {@link PlainCredits}).
     */
    public record SyncBatchWritten(List<SyncWritten> items, Optional<Long> shownBalance) {}

    /**
     * The writes of a whole {@code /sync} batch as one transaction: the account is locked and its due lots
     * expired once, and one commit makes the batch durable. Each item is judged exactly as {@link #syncItem}
     * judges it, in order, seeing the items before it, but set-based where the rules allow: the batch's client ids
     * are checked again under the lock in one query, and its plain credits (no order id, no bonus) pair with /earn
     * rows from one query and are written by one multi-row insert ({@link PlainCredits}); any other item first
     * writes the plain credits before it, then goes the way of a single /earn or /redeem. A refused item writes
     * nothing (every business rule is checked before the first write of an item), so it does not touch the others.
     * Any other failure rolls the whole batch back; the caller then retries it, or falls back to one transaction
     * per item.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncBatchWritten syncItems(long userId, List<SyncWrite> items, Actor actor) {
        Work work = begin(userId, actor, clock.now(), settingsCache.current());
        PointAccount account = work.account();
        Map<String, Long> recorded = new HashMap<>(accounts.idsByClientRef(
                userId, items.stream().map(SyncWrite::clientRef).distinct().toList()));
        PlainCredits plain = new PlainCredits(accounts, pairingSince(work));
        SyncWritten[] outcomes = new SyncWritten[items.size()];
        boolean onlyPlain = true;
        for (int i = 0; i < items.size(); i++) {
            SyncWrite item = items.get(i);
            if (plain.holds(item.clientRef())) {
                plain.write(recorded, outcomes);
            }
            Long known = recorded.get(item.clientRef());
            if (known != null) {
                outcomes[i] = written(WriteResult.existing(known, account.balance()));
                continue;
            }
            try {
                Optional<EarnCommand> earn = item.earn().filter(PlainCredits::accepts);
                if (earn.isPresent()) {
                    Optional<Long> twin = plain.pair(userId, earn.get(), item.clientRef());
                    if (twin.isPresent()) {
                        recorded.put(item.clientRef(), twin.get());
                        outcomes[i] = written(WriteResult.existing(twin.get(), account.balance()));
                    } else {
                        plain.add(i, plainLot(work, earn.get(), item.clientRef()));
                    }
                    continue;
                }
                plain.write(recorded, outcomes);
                onlyPlain = false;
                WriteResult result = item.earn().isPresent()
                        ? credit(work, item.earn().get(), Optional.of(item.clientRef()))
                        : debit(work, item.redeem().orElseThrow(), Optional.of(item.clientRef()));
                recorded.put(item.clientRef(), result.transactionId());
                outcomes[i] = written(result);
            } catch (ApplicationFailure refused) {
                outcomes[i] = new SyncWritten(Optional.empty(), Optional.of(refused));
            }
        }
        plain.write(recorded, outcomes);
        accounts.flush();
        return new SyncBatchWritten(
                List.of(outcomes), onlyPlain ? Optional.of(account.balance() - plain.bornExpired()) : Optional.empty());
    }

    private static SyncWritten written(WriteResult result) {
        return new SyncWritten(Optional.of(result), Optional.empty());
    }

    /** The start of the pairing window (SPEC §3.5), or empty when pairing is off. */
    private static Optional<Instant> pairingSince(Work work) {
        int hours = work.settings().integer(SettingKey.PAIRING_WINDOW_HOURS);
        return hours == 0 ? Optional.empty() : Optional.of(work.now().minus(Duration.ofHours(hours)));
    }

    /** The lot a plain sync credit writes, counted into the account (see {@link PlainCredits}). */
    private PointTransaction plainLot(Work work, EarnCommand command, String clientRef) {
        PointTransaction lot = PointTransaction.credit(
                        command.userId(),
                        command.type(),
                        command.points(),
                        command.description().orElse(null),
                        null,
                        LotExpiry.of(command.expiresAt(), work.now(), work.settings()),
                        TransactionStatus.AVAILABLE,
                        work.origin())
                .withClientRef(clientRef);
        accounts.countPlainLot(work.account(), lot);
        work.account().synced(work.now());
        return lot;
    }

    private WriteResult syncOne(Work work, long userId, SyncWrite item) {
        Optional<PointTransaction> known = accounts.findByClientRef(userId, item.clientRef());
        if (known.isPresent()) {
            return WriteResult.existing(known.get().id(), work.account().balance());
        }
        return item.earn().isPresent()
                ? credit(work, item.earn().get(), Optional.of(item.clientRef()))
                : debit(work, item.redeem().orElseThrow(), Optional.of(item.clientRef()));
    }

    /**
     * The member check of a batch, before anything in it is looked at (SPEC §3.0 order), then the batch's own
     * checks in the same transaction: a refused batch leaves no auto-created member behind.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void requireMember(long userId, Actor actor, Runnable batchChecks) {
        requireMember(userId, actor, clock.now(), settingsCache.current());
        batchChecks.run();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ExpiryResult expireNow(long userId, Actor actor) {
        Instant now = clock.now();
        members.get(userId);
        PointAccount account = accounts.lock(userId, now);
        ExpiryOutcome outcome =
                accounts.expireDue(account, new PointTransaction.Origin(actor.source(), actor.name(), now));
        accounts.flush();
        return new ExpiryResult(outcome.lots(), outcome.points(), account.balance());
    }

    /** {@code POST /referral}: the referral bonus, once per referred member whoever refers them [fix]. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult referral(long userId, long referredUserId, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        requireMember(userId, actor, now, settings);
        requireReferable(userId, referredUserId);
        Work work = begin(userId, actor, now, settings);
        if (accounts.findReferralOf(referredUserId).isPresent()) {
            throw new AlreadyReferredException();
        }
        int bonus = settings.integer(SettingKey.REFERRAL_BONUS);
        if (bonus == 0) {
            return WriteResult.written(0, work.account().balance(), 0);
        }
        PointTransaction lot = lot(
                        work, userId, TransactionType.REFERRAL, bonus, "Referral bonus for member " + referredUserId)
                .withReferredUserId(referredUserId);
        accounts.credit(work.account(), lot);
        accounts.flush();
        return WriteResult.written(lot.id(), work.account().balance(), bonus);
    }

    /** {@code POST /birthday}: the birthday bonus once per calendar year in the site zone, near the birthday. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult birthday(long userId, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        Member member = requireMember(userId, actor, now, settings);
        Work work = begin(userId, actor, now, settings);
        String bonusKey = birthdayKey(work.now(), settings);
        if (accounts.findByBonusKey(userId, bonusKey).isPresent()) {
            throw new AlreadyAwardedException();
        }
        requireBirthdayWindow(member, work);
        LocalDate today = LocalDate.ofInstant(work.now(), settings.siteZone());
        int bonus = settings.integer(SettingKey.BIRTHDAY_BONUS);
        if (bonus == 0) {
            return WriteResult.written(0, work.account().balance(), 0);
        }
        PointTransaction lot = lot(work, userId, TransactionType.BIRTHDAY, bonus, "Birthday bonus " + today.getYear())
                .withBonusKey(bonusKey);
        accounts.credit(work.account(), lot);
        accounts.flush();
        return WriteResult.written(lot.id(), work.account().balance(), bonus);
    }

    /** A staff credit (delta > 0) or debit (delta < 0) with a required reason; audited. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AdjustmentResult adjust(long userId, long delta, String reason, Actor actor) {
        String why = requireReason(reason);
        if (delta == 0 || Math.abs(delta) > Integer.MAX_VALUE) {
            throw new InvalidInputException(INVALID_PARAMS, "The adjustment must be a non-zero whole number of points");
        }
        members.get(userId);
        Work work = begin(userId, actor, clock.now(), settingsCache.current());
        PointAccount account = work.account();
        long before = account.balance();
        PointTransaction row;
        if (delta > 0) {
            row = accounts.credit(account, lot(work, userId, TransactionType.ADJUST, (int) delta, why));
        } else {
            PointTransaction debit =
                    PointTransaction.debit(userId, TransactionType.ADJUST, (int) delta, why, null, work.origin());
            row = accounts.debitAdjust(account, debit)
                    .orElseThrow(() -> new AdjustmentRefusedException(
                            "Cannot take " + (-delta) + " points: the member has only " + account.balance()));
        }
        accounts.flush();
        audit.points("points.adjusted", userId, delta, why, before, account.balance(), row.id());
        return new AdjustmentResult(row.id(), before, account.balance(), 0);
    }

    /**
     * Voids a transaction with one kind of compensating row whatever was voided (the ledger stays append-only): an
     * {@code adjust} described "Void of transaction #N: reason", with bonus key {@code void:N} (so once per
     * transaction, and what the lists look up to show "voided by") and {@code reverses_id} N. A credit is taken back
     * as far as it still can be (§5.6); a redemption goes back into the lots it came from (what belonged to lots that
     * expired meanwhile comes back as a new lot); any other debit comes back as a new lot. Audited.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AdjustmentResult voidTransaction(long transactionId, String reason, Actor actor) {
        String why = requireReason(reason);
        long userId = accounts.find(transactionId)
                .orElseThrow(() -> new InvalidInputException(INVALID_PARAMS, "No transaction " + transactionId))
                .userId();
        // Account lock first, then the row read again under its own lock: never act on a stale copy.
        Work work = begin(userId, actor, clock.now(), settingsCache.current());
        PointTransaction original = accounts.lockRow(transactionId);
        String voidKey = VOID_KEY_PREFIX + transactionId;
        String refundKey = "refund:" + transactionId;
        if (original.status() != TransactionStatus.AVAILABLE
                || accounts.findByBonusKey(userId, voidKey).isPresent()
                || accounts.findByBonusKey(userId, refundKey).isPresent()) {
            throw new AdjustmentRefusedException("Transaction " + transactionId + " is already void or refunded");
        }
        if (original.bonusKey().filter(key -> key.startsWith(VOID_KEY_PREFIX)).isPresent()) {
            throw new AdjustmentRefusedException(
                    "Transaction " + transactionId + " is itself a void; adjust the points instead");
        }
        PointAccount account = work.account();
        long before = account.balance();
        String description = "Void of transaction #" + transactionId + ": " + why;
        long uncollectable = 0;
        PointTransaction row;
        if (original.balanceDelta() > 0) {
            AccountLedger.Reversal reversal = accounts.reverse(
                            account, original, Long.MAX_VALUE, description, voidKey, work.origin())
                    .filter(done -> done.taken() > 0)
                    .orElseThrow(() -> new AdjustmentRefusedException(
                            "Nothing of transaction " + transactionId + " can be taken back: the balance is 0"));
            row = reversal.row();
            uncollectable = reversal.uncollectable();
        } else if (original.type() == TransactionType.REDEEM) {
            row = accounts.giveBackRedemption(
                            account,
                            original,
                            TransactionType.ADJUST,
                            description,
                            voidKey,
                            LotExpiry.of(Optional.empty(), work.now(), work.settings()),
                            work.origin())
                    .orElseThrow(() -> new AdjustmentRefusedException(
                            "Nothing of transaction " + transactionId + " is left to give back"));
        } else {
            row = accounts.giveBack(
                    account,
                    lot(work, userId, TransactionType.ADJUST, Math.abs(original.points()), description)
                            .withBonusKey(voidKey)
                            .reversing(transactionId),
                    false);
        }
        accounts.flush();
        audit.points(
                "transaction.voided", userId, account.balance() - before, why, before, account.balance(), row.id());
        return new AdjustmentResult(row.id(), before, account.balance(), uncollectable);
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 1_000) {
            throw new InvalidInputException(INVALID_PARAMS, "A reason (1 to 1,000 characters) is required");
        }
        return why;
    }

    private void requireReferable(long userId, long referredUserId) {
        if (referredUserId <= 0 || memberRepository.find(referredUserId).isEmpty()) {
            throw new InvalidReferralException("Referred user not found");
        }
        if (referredUserId == userId) {
            throw new InvalidReferralException("A member cannot refer themselves");
        }
    }

    /** When the member's birthday is on file, today (site zone) must be within the window around it. */
    private static void requireBirthdayWindow(Member member, Work work) {
        LocalDate today = LocalDate.ofInstant(work.now(), work.settings().siteZone());
        int window = work.settings().integer(SettingKey.BIRTHDAY_WINDOW_DAYS);
        if (member.birthday()
                .filter(birthday -> !BirthdayWindow.contains(birthday, today, window))
                .isPresent()) {
            throw new NotBirthdayException();
        }
    }

    private static void requireUserId(long userId) {
        if (userId <= 0) {
            throw new InvalidInputException(INVALID_PARAMS, INVALID_USER_OR_POINTS);
        }
    }

    private Member requireMember(long userId, Actor actor, Instant now, Settings settings) {
        requireUserId(userId);
        ActiveMembers.Found found = members.getOrCreate(
                userId, actor.mayCreateMembers() && settings.flag(SettingKey.AUTO_CREATE_MEMBERS), now);
        if (found.created()) {
            signupBonus.grant(userId, settings, new PointTransaction.Origin(actor.source(), actor.name(), now));
        }
        return found.member();
    }

    /**
     * Locks the account, then reads the clock: a writer that waited for the lock must not date its rows (or judge
     * expiry) by the moment it started waiting.
     */
    private Work begin(long userId, Actor actor, Instant requestedAt, Settings settings) {
        return started(accounts.lock(userId, requestedAt), actor, settings, Optional.empty(), Optional.empty());
    }

    private Work started(
            PointAccount account,
            Actor actor,
            Settings settings,
            Optional<String> lockedOrder,
            Optional<Long> orderRowId) {
        PointTransaction.Origin origin = new PointTransaction.Origin(actor.source(), actor.name(), clock.now());
        accounts.expireDue(account, origin);
        return new Work(account, origin, settings, lockedOrder, orderRowId);
    }

    /** The row recorded for a client order key: from the lock read when it looked this key up, else a query. */
    private Optional<PointTransaction> recordedForOrder(Work work, long userId, String clientOrderKey) {
        if (work.lockedOrder().filter(clientOrderKey::equals).isPresent()) {
            return work.orderRowId().flatMap(accounts::find);
        }
        return accounts.findByClientOrderKey(userId, clientOrderKey);
    }

    private WriteResult credit(Work work, EarnCommand command, Optional<String> clientRef) {
        PointAccount account = work.account();
        String orderKey = command.orderId().map(OrderKeys::normalise).orElse(null);
        String clientOrderKey = orderKey == null ? null : command.type().wire() + ":" + orderKey;
        Optional<PointTransaction> replay =
                clientOrderKey == null ? Optional.empty() : recordedForOrder(work, command.userId(), clientOrderKey);
        if (replay.isPresent()) {
            return replayOf(replay.get(), command.points(), account);
        }
        String bonusKey = command.type() == TransactionType.BIRTHDAY ? birthdayKey(work.now(), work.settings()) : null;
        if (command.type() == TransactionType.REFERRAL
                && command.referredUserId().isPresent()) {
            requireReferable(command.userId(), command.referredUserId().get());
        }
        Optional<PointTransaction> bonus = bonusKey == null
                ? command.referredUserId()
                        .filter(referred -> command.type() == TransactionType.REFERRAL)
                        .flatMap(accounts::findReferralOf)
                : accounts.findByBonusKey(command.userId(), bonusKey);
        if (bonus.isPresent()) {
            return WriteResult.existing(bonus.get().id(), account.balance());
        }
        Optional<PointTransaction> twin = pairingTwin(
                work,
                clientRef,
                command.type(),
                command.points(),
                command.description().orElse(null),
                orderKey);
        if (twin.isPresent()) {
            twin.get().pair(clientRef.orElse(null));
            claimFor(clientRef).ifPresent(twin.get()::answerClaim);
            return WriteResult.existing(twin.get().id(), account.balance());
        }

        Instant expiresAt = LotExpiry.of(command.expiresAt(), work.now(), work.settings());
        boolean claim = orderKey != null
                && command.type() == TransactionType.EARN
                && work.settings().orderWebhooksConfigured();
        Optional<LedgerQueries.OrderState> settled = claim ? queries.orderState(orderKey) : Optional.empty();
        if (settled.filter(order -> order.awardTransactionId().isPresent()
                        && order.userId().filter(id -> id == command.userId()).isPresent())
                .isPresent()) {
            // The shop already awarded this order: its award is the answer to the app's claim.
            return WriteResult.existing(settled.get().awardTransactionId().get(), account.balance());
        }
        boolean deadClaim = settled.isPresent();
        PointTransaction lot = PointTransaction.credit(
                        command.userId(),
                        command.type(),
                        command.points(),
                        command.description().orElse(null),
                        command.orderId().orElse(null),
                        expiresAt,
                        claim ? TransactionStatus.PENDING : TransactionStatus.AVAILABLE,
                        work.origin())
                .withClientOrderKey(clientOrderKey)
                .withBonusKey(bonusKey);
        clientRef.ifPresent(lot::withClientRef);
        clientRef.ifPresent(ref -> account.synced(work.now()));
        claimFor(clientRef).ifPresent(lot::withIdempotencyScope);

        if (command.type() == TransactionType.REFERRAL) {
            command.referredUserId().ifPresent(lot::withReferredUserId);
        }
        accounts.credit(account, lot);
        if (deadClaim) {
            // An order the shop has seen and not awarded (cancelled, another customer): the claim is void at once.
            lot.voidPending();
            account.dropPending(lot.points(), work.now());
        }
        accounts.flush();
        boolean bornExpired = !claim && expiresAt != null && !expiresAt.isAfter(work.now());
        return WriteResult.written(
                lot.id(), account.balance() - (bornExpired ? lot.points() : 0), claim ? 0 : lot.points());
    }

    private WriteResult debit(Work work, RedeemCommand command, Optional<String> clientRef) {
        PointAccount account = work.account();
        String orderKey = command.orderId().map(OrderKeys::normalise).orElse(null);
        String clientOrderKey = orderKey == null ? null : TransactionType.REDEEM.wire() + ":" + orderKey;
        if (clientOrderKey != null) {
            Optional<PointTransaction> replay = recordedForOrder(work, command.userId(), clientOrderKey);
            if (replay.isPresent()) {
                return replayOf(replay.get(), command.points(), account);
            }
        }
        Optional<PointTransaction> twin =
                pairingTwin(work, clientRef, TransactionType.REDEEM, command.points(), command.description(), orderKey);
        if (twin.isPresent()) {
            twin.get().pair(clientRef.orElse(null));
            claimFor(clientRef).ifPresent(twin.get()::answerClaim);
            return WriteResult.existing(twin.get().id(), account.balance());
        }
        if (work.settings().flag(SettingKey.ENFORCE_REDEMPTION_LIMITS)) {
            checkLimits(command, work.settings());
        }
        PointTransaction debit = PointTransaction.debit(
                        command.userId(),
                        TransactionType.REDEEM,
                        command.points(),
                        command.description(),
                        command.orderId().orElse(null),
                        work.origin())
                .withClientOrderKey(clientOrderKey);
        clientRef.ifPresent(debit::withClientRef);
        clientRef.ifPresent(ref -> account.synced(work.now()));
        claimFor(clientRef).ifPresent(debit::withIdempotencyScope);
        PointTransaction written = accounts.redeem(account, debit)
                .orElseThrow(() -> new InsufficientPointsException(account.balance(), command.points()));
        accounts.flush();
        return WriteResult.written(written.id(), account.balance(), 0);
    }

    /**
     * SPEC §3.5 pairing: a sync item (with its client id) pairs with an unpaired row posted through /earn or
     * /redeem; an /earn or /redeem without order id pairs with an unpaired row applied through /sync. Both within
     * {@code pairing_window_hours}. Rows with an order id are already matched by their order.
     */
    private Optional<PointTransaction> pairingTwin(
            Work work,
            Optional<String> clientRef,
            TransactionType type,
            int points,
            String description,
            String orderKey) {
        int hours = work.settings().integer(SettingKey.PAIRING_WINDOW_HOURS);
        if (hours == 0 || (clientRef.isEmpty() && orderKey != null)) {
            return Optional.empty();
        }
        Instant since = work.now().minus(Duration.ofHours(hours));
        if (clientRef.isEmpty() && !work.account().maySyncedSince(since)) {
            // Nothing was applied through /sync for this member inside the window: no row to pair with.
            return Optional.empty();
        }
        TransactionSource other = clientRef.isPresent() ? TransactionSource.REST : TransactionSource.SYNC;
        return accounts.findPairingCandidate(
                work.account().userId(), other, type, points, description, orderKey, since);
    }

    private PointTransaction lot(Work work, long userId, TransactionType type, int points, String description) {
        return PointTransaction.credit(
                userId,
                type,
                points,
                description,
                null,
                LotExpiry.of(Optional.empty(), work.now(), work.settings()),
                TransactionStatus.AVAILABLE,
                work.origin());
    }

    /** Same order and type again: the same points is a replay (the existing row), other points a conflict. */
    private static WriteResult replayOf(PointTransaction existing, int points, PointAccount account) {
        if (Math.abs(existing.points()) != points) {
            throw new DuplicateTransactionException(existing.id(), existing.points());
        }
        return WriteResult.existing(existing.id(), account.balance());
    }

    private static void checkLimits(RedeemCommand command, Settings settings) {
        int minimum = settings.integer(SettingKey.MIN_REDEMPTION);
        if (command.points() < minimum) {
            throw new RedemptionLimitException("The minimum redemption is " + minimum + " points");
        }
        if (command.orderTotal().isPresent()) {
            BigDecimal percent = BigDecimal.valueOf(settings.integer(SettingKey.MAX_REDEMPTION_PERCENT));
            long maximum = command.orderTotal()
                    .get()
                    .multiply(percent)
                    .multiply(settings.decimal(SettingKey.REDEMPTION_RATE))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
                    .longValueExact();
            if (command.points() > maximum) {
                throw new RedemptionLimitException(
                        "At most " + maximum + " points may be redeemed on this order (" + percent + "% of its total)");
            }
        }
    }

    private static String birthdayKey(Instant now, Settings settings) {
        return "birthday:" + LocalDate.ofInstant(now, settings.siteZone()).getYear();
    }
}
