package com.twork.points.ledger.control;

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
import com.twork.points.member.control.ActiveMembers;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The write use cases of the points API, each one database transaction: check the member, lock the account
 * row, expire due lots, then do the work. Callers run them through {@link
 * com.twork.points.platform.control.TransientFailures} so a deadlock costs a retry, not an error.
 */
@ApplicationScoped
public class PointsLedger {
    static final String INVALID_PARAMS = "invalid_params";
    static final String INVALID_USER_OR_POINTS = "Invalid user_id or points";

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

    /** Who acts and whether an unknown member may be created on the way (write-key callers). */
    public record Actor(String name, boolean mayCreateMembers) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult earn(EarnCommand command, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        requireUserId(command.userId());
        members.getOrCreate(command.userId(), mayCreate(actor, settings), now);
        command.problem().ifPresent(problem -> {
            throw problem;
        });
        if (command.type() == TransactionType.EXPIRE) {
            // The server owns expiry [fix]: acknowledged, nothing written.
            return new WriteResult(0, shownBalance(command.userId(), now), 0);
        }
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.REST, actor.name(), now);
        PointAccount account = accounts.lock(command.userId(), now);
        accounts.expireDue(account, origin);

        String orderKey = command.orderId().map(OrderKeys::normalise).orElse(null);
        String clientOrderKey = orderKey == null ? null : command.type().wire() + ":" + orderKey;
        Optional<PointTransaction> replay = clientOrderKey == null
                ? Optional.empty()
                : accounts.findByClientOrderKey(command.userId(), clientOrderKey);
        if (replay.isPresent()) {
            return replayOf(replay.get(), command.points(), account);
        }
        String bonusKey = command.type() == TransactionType.BIRTHDAY ? birthdayKey(now, settings) : null;
        Optional<PointTransaction> bonus = bonusKey == null
                ? command.referredUserId()
                        .filter(referred -> command.type() == TransactionType.REFERRAL)
                        .flatMap(accounts::findReferralOf)
                : accounts.findByBonusKey(command.userId(), bonusKey);
        if (bonus.isPresent()) {
            return new WriteResult(bonus.get().id(), account.balance(), 0);
        }

        Instant expiresAt = LotExpiry.of(command.expiresAt(), now, settings);
        boolean claim =
                orderKey != null && command.type() == TransactionType.EARN && settings.orderWebhooksConfigured();
        PointTransaction lot = PointTransaction.credit(
                        command.userId(),
                        command.type(),
                        command.points(),
                        command.description().orElse(null),
                        command.orderId().orElse(null),
                        expiresAt,
                        claim ? TransactionStatus.PENDING : TransactionStatus.AVAILABLE,
                        origin)
                .withClientOrderKey(clientOrderKey)
                .withBonusKey(bonusKey);
        if (command.type() == TransactionType.REFERRAL) {
            command.referredUserId().ifPresent(lot::withReferredUserId);
        }
        accounts.credit(account, lot);
        accounts.flush();
        boolean bornExpired = !claim && expiresAt != null && !expiresAt.isAfter(now);
        return new WriteResult(
                lot.id(), account.balance() - (bornExpired ? lot.points() : 0), claim ? 0 : lot.points());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult redeem(RedeemCommand command, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        requireUserId(command.userId());
        members.getOrCreate(command.userId(), mayCreate(actor, settings), now);
        command.problem().ifPresent(problem -> {
            throw problem;
        });
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.REST, actor.name(), now);
        PointAccount account = accounts.lock(command.userId(), now);
        accounts.expireDue(account, origin);

        String orderKey = command.orderId().map(OrderKeys::normalise).orElse(null);
        String clientOrderKey = orderKey == null ? null : TransactionType.REDEEM.wire() + ":" + orderKey;
        if (clientOrderKey != null) {
            Optional<PointTransaction> replay = accounts.findByClientOrderKey(command.userId(), clientOrderKey);
            if (replay.isPresent()) {
                return replayOf(replay.get(), command.points(), account);
            }
        }
        if (settings.flag(SettingKey.ENFORCE_REDEMPTION_LIMITS)) {
            checkLimits(command, settings);
        }
        PointTransaction debit = PointTransaction.debit(
                        command.userId(),
                        TransactionType.REDEEM,
                        command.points(),
                        command.description(),
                        command.orderId().orElse(null),
                        origin)
                .withClientOrderKey(clientOrderKey);
        PointTransaction written = accounts.redeem(account, debit)
                .orElseThrow(() -> new InsufficientPointsException(account.balance(), command.points()));
        accounts.flush();
        return new WriteResult(written.id(), account.balance(), 0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ExpiryResult expireNow(long userId, Actor actor) {
        Instant now = clock.now();
        members.get(userId);
        PointAccount account = accounts.lock(userId, now);
        ExpiryOutcome outcome =
                accounts.expireDue(account, new PointTransaction.Origin(TransactionSource.REST, actor.name(), now));
        accounts.flush();
        return new ExpiryResult(outcome.lots(), outcome.points(), account.balance());
    }

    /** {@code POST /referral}: the referral bonus, once per referred member whoever refers them [fix]. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult referral(long userId, long referredUserId, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        requireUserId(userId);
        members.getOrCreate(userId, mayCreate(actor, settings), now);
        if (referredUserId <= 0 || memberRepository.find(referredUserId).isEmpty()) {
            throw new InvalidReferralException("Referred user not found");
        }
        if (referredUserId == userId) {
            throw new InvalidReferralException("A member cannot refer themselves");
        }
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.REST, actor.name(), now);
        PointAccount account = accounts.lock(userId, now);
        accounts.expireDue(account, origin);
        if (accounts.findReferralOf(referredUserId).isPresent()) {
            throw new AlreadyReferredException();
        }
        int bonus = settings.integer(SettingKey.REFERRAL_BONUS);
        if (bonus == 0) {
            return new WriteResult(0, account.balance(), 0);
        }
        PointTransaction lot = PointTransaction.credit(
                        userId,
                        TransactionType.REFERRAL,
                        bonus,
                        "Referral bonus for member " + referredUserId,
                        null,
                        LotExpiry.of(Optional.empty(), now, settings),
                        TransactionStatus.AVAILABLE,
                        origin)
                .withReferredUserId(referredUserId);
        accounts.credit(account, lot);
        accounts.flush();
        return new WriteResult(lot.id(), account.balance(), bonus);
    }

    /** {@code POST /birthday}: the birthday bonus once per calendar year in the site zone, near the birthday. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteResult birthday(long userId, Actor actor) {
        Instant now = clock.now();
        Settings settings = settingsCache.current();
        requireUserId(userId);
        Member member = members.getOrCreate(userId, mayCreate(actor, settings), now);
        PointTransaction.Origin origin = new PointTransaction.Origin(TransactionSource.REST, actor.name(), now);
        PointAccount account = accounts.lock(userId, now);
        accounts.expireDue(account, origin);
        String bonusKey = birthdayKey(now, settings);
        if (accounts.findByBonusKey(userId, bonusKey).isPresent()) {
            throw new AlreadyAwardedException();
        }
        LocalDate today = LocalDate.ofInstant(now, settings.siteZone());
        if (member.birthday()
                .filter(birthday ->
                        !BirthdayWindow.contains(birthday, today, settings.integer(SettingKey.BIRTHDAY_WINDOW_DAYS)))
                .isPresent()) {
            throw new NotBirthdayException();
        }
        int bonus = settings.integer(SettingKey.BIRTHDAY_BONUS);
        if (bonus == 0) {
            return new WriteResult(0, account.balance(), 0);
        }
        PointTransaction lot = PointTransaction.credit(
                        userId,
                        TransactionType.BIRTHDAY,
                        bonus,
                        "Birthday bonus " + today.getYear(),
                        null,
                        LotExpiry.of(Optional.empty(), now, settings),
                        TransactionStatus.AVAILABLE,
                        origin)
                .withBonusKey(bonusKey);
        accounts.credit(account, lot);
        accounts.flush();
        return new WriteResult(lot.id(), account.balance(), bonus);
    }

    private long shownBalance(long userId, Instant now) {
        long balance = queries.findAccount(userId).map(PointAccount::balance).orElse(0L);
        return Math.max(0, balance - queries.lotTotals(userId, now, now).overdue());
    }

    /** Same order and type again: the same points is a replay (the existing row), other points a conflict. */
    private static WriteResult replayOf(PointTransaction existing, int points, PointAccount account) {
        if (Math.abs(existing.points()) != points) {
            throw new DuplicateTransactionException(existing.id(), existing.points());
        }
        return new WriteResult(existing.id(), account.balance(), 0);
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

    private static boolean mayCreate(Actor actor, Settings settings) {
        return actor.mayCreateMembers() && settings.flag(SettingKey.AUTO_CREATE_MEMBERS);
    }

    private static void requireUserId(long userId) {
        if (userId <= 0) {
            throw new InvalidInputException(INVALID_PARAMS, INVALID_USER_OR_POINTS);
        }
    }
}
