package com.twork.points.launcher.legacy;

import static com.twork.points.ledger.entity.TransactionStatus.AVAILABLE;
import static com.twork.points.ledger.entity.TransactionStatus.PENDING;
import static com.twork.points.ledger.entity.TransactionStatus.VOID;

import com.twork.points.launcher.legacy.Anomaly.Kind;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.TransactionStatus;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rebuilds the legacy ledger by our rules (SPEC §5): legacy rows in, our rows (legacy ids kept), allocations,
 * account totals, shop orders and the anomalies corrected out. Pure: no database, no clock but {@code now},
 * which only decides what is shown today (the rows themselves do not depend on it).
 *
 * <p>Per member, in id order (the plugin's insertion order; its {@code created_at} mixed time zones): rows are
 * first classified (unknown types, trash, statuses, signs), echoed copies and orders credited twice are set
 * aside as void rows, then the ledger is replayed: credits become lots, redemptions and negative adjustments
 * consume spendable lots soonest-expiring first, the plugin's {@code expire} rows take what is left of the lots
 * due at their time, reversals take back their award's own lot first. Nothing ever goes below 0: what a debit
 * could not take is recorded as {@code uncollectable}.
 */
final class LedgerRebuild {
    /** Rows the plugin's /sync re-inserted from one request were written within this span of each other. */
    static final Duration SYNC_BURST = Duration.ofSeconds(5);

    static final String APPROVED = "approved";
    private static final Pattern REVERSAL_ORDER = Pattern.compile("^\\s*(.+?)_reverse\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOP_ORDER_ID = Pattern.compile("\\d{1,64}");
    private static final Set<String> PLUGIN_CREDIT_TYPES = Set.of("earn", "adjust", "referral", "birthday", "refund");

    private LedgerRebuild() {}

    static RebuiltLedger rebuild(List<LegacyTransaction> legacy, ZoneId siteZone, Instant now) {
        Map<Long, List<LegacyTransaction>> byMember = new TreeMap<>();
        legacy.stream()
                .sorted(Comparator.comparingLong(LegacyTransaction::id))
                .forEach(row -> byMember.computeIfAbsent(row.userId(), id -> new ArrayList<>())
                        .add(row));
        List<Draft> drafts = new ArrayList<>();
        List<RebuiltLedger.Allocation> allocations = new ArrayList<>();
        List<RebuiltLedger.Account> accounts = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (Map.Entry<Long, List<LegacyTransaction>> member : byMember.entrySet()) {
            MemberLedger ledger = new MemberLedger(member.getKey(), siteZone, anomalies);
            ledger.rebuild(member.getValue());
            drafts.addAll(ledger.drafts);
            allocations.addAll(ledger.allocations);
            accounts.add(ledger.account(member.getValue(), now));
        }
        drafts.sort(Comparator.comparingLong(Draft::id));
        List<RebuiltLedger.Order> orders = orders(drafts, anomalies);
        return new RebuiltLedger(drafts.stream().map(Draft::row).toList(), allocations, accounts, orders, anomalies);
    }

    /**
     * A shop order for every order the plugin awarded (digits only: the shop's ids), so a later webhook for it
     * never awards it again; a reversed award is recorded as a cancelled order.
     */
    private static List<RebuiltLedger.Order> orders(List<Draft> drafts, List<Anomaly> anomalies) {
        Map<String, RebuiltLedger.Order> orders = new LinkedHashMap<>();
        for (Draft award : drafts) {
            String key = award.orderKey();
            if (award.status != AVAILABLE
                    || award.type != TransactionType.EARN
                    || key == null
                    || !SHOP_ORDER_ID.matcher(key).matches()) {
                continue;
            }
            RebuiltLedger.Order known = orders.get(key);
            if (known != null) {
                anomalies.add(Anomaly.of(
                        Kind.ORDER_OF_ANOTHER_MEMBER,
                        award.userId(),
                        award.id(),
                        "order " + key + " was also awarded to member " + known.userId() + " (#"
                                + known.awardTransactionId() + "); both awards kept, the shop order belongs to the"
                                + " first"));
                continue;
            }
            List<Draft> reversals =
                    drafts.stream().filter(row -> row.reverses == award).toList();
            int taken = reversals.stream().mapToInt(row -> -row.points).sum();
            int refunded = drafts.stream()
                    .filter(row -> row.refundOf != null
                            && row.userId() == award.userId()
                            && key.equals(row.refundOf.orderKey()))
                    .mapToInt(row -> row.points)
                    .sum();
            boolean cancelled = !reversals.isEmpty();
            orders.put(
                    key,
                    new RebuiltLedger.Order(
                            key,
                            award.userId(),
                            cancelled ? "cancelled" : "completed",
                            cancelled ? 0 : award.points,
                            award.id(),
                            taken,
                            refunded,
                            award.legacy.createdAt()));
        }
        return List.copyOf(orders.values());
    }

    /** One legacy row on its way to becoming ours. */
    private static final class Draft {
        final LegacyTransaction legacy;
        TransactionType type;
        int points;
        TransactionStatus status = AVAILABLE;
        int remaining;
        int uncollectable;
        String clientOrderKey;
        String bonusKey;
        /** The award this negative adjustment reverses. */
        Draft reverses;
        /** The redemption this refund gives back. */
        Draft refundOf;
        /** Of this lot: points taken by expiry, and points reversals took back or found already spent. */
        int expiredFrom;

        int reversedFrom;

        Draft(LegacyTransaction legacy) {
            this.legacy = legacy;
        }

        long id() {
            return legacy.id();
        }

        long userId() {
            return legacy.userId();
        }

        String orderKey() {
            return OrderKeys.normalise(legacy.orderId());
        }

        boolean isCredit() {
            return type.balanceDelta(points) > 0;
        }

        Instant lotExpiry() {
            return legacy.expiresAt() == null ? Instant.MAX : legacy.expiresAt();
        }

        boolean dueAt(Instant at) {
            return legacy.expiresAt() != null && !legacy.expiresAt().isAfter(at);
        }

        void makeVoid() {
            status = VOID;
            remaining = 0;
        }

        RebuiltLedger.Row row() {
            return new RebuiltLedger.Row(
                    id(),
                    userId(),
                    type,
                    points,
                    legacy.description(),
                    legacy.orderId(),
                    legacy.createdAt(),
                    isCredit() ? legacy.expiresAt() : null,
                    status == VOID ? 0 : remaining,
                    status,
                    uncollectable,
                    clientOrderKey,
                    bonusKey,
                    reverses == null ? null : reverses.id());
        }
    }

    /** What tells an echoed copy from its original: everything the app re-posts. */
    private record Signature(TransactionType type, int points, String description, String orderId, Instant expiresAt) {}

    /** One member's rows and totals while they are rebuilt. */
    private static final class MemberLedger {
        private static final Comparator<Draft> FIFO =
                Comparator.comparing(Draft::lotExpiry).thenComparingLong(Draft::id);

        final long userId;
        final ZoneId siteZone;
        final List<Anomaly> anomalies;
        final List<Draft> drafts = new ArrayList<>();
        final List<Draft> lots = new ArrayList<>();
        final List<RebuiltLedger.Allocation> allocations = new ArrayList<>();
        final Set<Long> refundedRedemptions = new HashSet<>();
        final Set<String> birthdayYears = new HashSet<>();
        long balance;
        long lifetimeEarned;
        long lifetimeRedeemed;
        long lifetimeExpired;
        long pending;

        MemberLedger(long userId, ZoneId siteZone, List<Anomaly> anomalies) {
            this.userId = userId;
            this.siteZone = siteZone;
            this.anomalies = anomalies;
        }

        void rebuild(List<LegacyTransaction> legacy) {
            legacy.forEach(row -> drafts.add(classify(row)));
            setAsideEchoes();
            setAsideSecondOrderCredits();
            replay();
            assignClientOrderKeys();
        }

        private void note(Kind kind, Draft row, String message) {
            anomalies.add(Anomaly.of(kind, userId, row.id(), message));
        }

        private Draft classify(LegacyTransaction legacy) {
            Draft row = new Draft(legacy);
            Optional<TransactionType> known = TransactionType.fromWire(legacy.type());
            if (known.isEmpty()) {
                row.type = TransactionType.ADJUST;
                row.points = legacy.points();
                row.makeVoid();
                note(
                        Kind.UNKNOWN_TYPE,
                        row,
                        "type \"" + legacy.type() + "\" is not one of the plugin's seven: kept as a void adjust"
                                + " (it never counts; its id stays known to the app's echo)");
                return row;
            }
            TransactionType type = known.get();
            int points = legacy.points();
            if (type != TransactionType.ADJUST && points < 0) {
                int effect = Math.toIntExact(type.balanceDelta(points));
                note(
                        Kind.SIGN_CONTRADICTS_TYPE,
                        row,
                        "a " + type.wire() + " of " + points + " points, which the plugin counted as " + signed(effect)
                                + ": kept as an adjust of " + signed(effect));
                type = TransactionType.ADJUST;
                points = effect;
            }
            row.type = type;
            row.points = points;
            if (points == 0 && type != TransactionType.ADJUST) {
                row.type = TransactionType.ADJUST;
                row.makeVoid();
                note(Kind.ZERO_POINTS, row, "a " + type.wire() + " of 0 points: kept as a void adjust");
                return row;
            }
            if (legacy.deleted()) {
                row.makeVoid();
                note(Kind.DELETED_ROW, row, "in the plugin's trash: kept as a void row");
                return row;
            }
            String status = legacy.status() == null || legacy.status().isBlank()
                    ? APPROVED
                    : legacy.status().trim().toLowerCase(Locale.ROOT);
            if ("pending".equals(status)) {
                if (row.isCredit()) {
                    row.status = PENDING;
                    note(
                            Kind.PENDING_KEPT,
                            row,
                            "pending in the plugin (awaiting approval): kept pending, visible and not spendable"
                                    + (row.orderKey() == null
                                            ? ""
                                            : "; the shop's award for order " + row.orderKey() + " will void it"));
                } else {
                    row.makeVoid();
                    note(
                            Kind.PENDING_DEBIT,
                            row,
                            "a pending " + type.wire() + " (it never took points in the plugin): kept as a void row");
                }
            } else if (!APPROVED.equals(status)) {
                row.makeVoid();
                note(Kind.NOT_APPROVED, row, "status \"" + status + "\" in the plugin: kept as a void row");
            }
            return row;
        }

        /**
         * The plugin's /sync re-inserted every row the app echoed: a copy carries its original's type, points,
         * description, order and expiry. An expiry set to the second only ever comes from the original, so a copy
         * with one is an echo. Without an expiry a copy could be a genuine repeat ("Coffee, 20 points" twice), so
         * it counts as an echo only when it was written in the same /sync burst as a recognised echo; otherwise it
         * is kept and reported.
         */
        private void setAsideEchoes() {
            Map<Signature, Draft> originals = new HashMap<>();
            List<Draft> echoes = new ArrayList<>();
            Map<Draft, Draft> repeats = new LinkedHashMap<>();
            for (Draft row : drafts) {
                if (row.status == VOID || row.type == TransactionType.EXPIRE) {
                    continue;
                }
                Signature signature = new Signature(
                        row.type,
                        row.points,
                        Objects.requireNonNullElse(row.legacy.description(), ""),
                        Objects.requireNonNullElse(row.legacy.orderId(), "").trim(),
                        row.legacy.expiresAt());
                Draft original = originals.putIfAbsent(signature, row);
                if (original == null) {
                    continue;
                }
                if (row.legacy.expiresAt() != null) {
                    row.makeVoid();
                    echoes.add(row);
                    note(
                            Kind.ECHOED_DUPLICATE,
                            row,
                            "a copy of transaction " + original.id() + " (same type, points, description, order and"
                                    + " expiry) that the plugin's /sync re-inserted: kept as a void row");
                } else {
                    repeats.put(row, original);
                }
            }
            repeats.forEach((row, original) -> {
                Optional<Draft> burst = echoes.stream()
                        .filter(echo -> Duration.between(echo.legacy.createdAt(), row.legacy.createdAt())
                                        .abs()
                                        .compareTo(SYNC_BURST)
                                <= 0)
                        .findFirst();
                if (burst.isPresent()) {
                    row.makeVoid();
                    note(
                            Kind.ECHOED_DUPLICATE,
                            row,
                            "a copy of transaction " + original.id() + " re-inserted by the plugin's /sync together"
                                    + " with echo " + burst.get().id() + ": kept as a void row");
                } else {
                    note(
                            Kind.POSSIBLE_ECHO_KEPT,
                            row,
                            "identical to transaction " + original.id() + " but with no expiry to tell an echo from a"
                                    + " genuine repeat: kept");
                }
            });
        }

        /**
         * SPEC §3.3, §5.4: "WC-77" and "77" are one order, credited once. The shop's own award (the bare order id)
         * is kept; the app's claim and any other copy become void.
         */
        private void setAsideSecondOrderCredits() {
            Map<String, List<Draft>> byOrder = new LinkedHashMap<>();
            for (Draft row : drafts) {
                if (row.status != VOID && row.type == TransactionType.EARN && row.orderKey() != null) {
                    byOrder.computeIfAbsent(row.orderKey(), key -> new ArrayList<>())
                            .add(row);
                }
            }
            byOrder.forEach((key, credits) -> {
                if (credits.size() < 2) {
                    return;
                }
                Optional<Draft> shopAward = credits.stream()
                        .filter(row -> row.status == AVAILABLE && isShopForm(row, key))
                        .findFirst()
                        .or(() -> credits.stream()
                                .filter(row -> isShopForm(row, key))
                                .findFirst());
                Draft kept = shopAward
                        .or(() -> credits.stream()
                                .filter(row -> row.status == AVAILABLE)
                                .findFirst())
                        .orElse(credits.get(0));
                String all = credits.stream()
                        .map(row -> "\"" + row.legacy.orderId() + "\" (" + row.id() + ")")
                        .collect(Collectors.joining(", "));
                for (Draft row : credits) {
                    if (row != kept) {
                        row.makeVoid();
                        note(
                                Kind.ORDER_CREDITED_TWICE,
                                row,
                                "order " + key + " was credited " + credits.size() + " times as " + all + ": kept "
                                        + kept.id() + (shopAward.isPresent() ? " (the shop's award)" : " (the first)")
                                        + ", this row is void");
                    }
                }
            });
        }

        private static boolean isShopForm(Draft row, String key) {
            return key.equals(row.legacy.orderId().trim());
        }

        private void replay() {
            Instant clock = Instant.MIN;
            for (Draft row : drafts) {
                if (row.legacy.createdAt().isAfter(clock)) {
                    clock = row.legacy.createdAt();
                }
                if (row.status == VOID) {
                    continue;
                }
                if (row.status == PENDING) {
                    row.remaining = row.points;
                    pending += row.points;
                } else if (row.isCredit()) {
                    credit(row);
                } else if (row.type == TransactionType.EXPIRE) {
                    expire(row, clock);
                } else if (row.type == TransactionType.REDEEM) {
                    redeem(row, clock);
                } else if (row.points < 0) {
                    debitAdjust(row, clock);
                }
            }
        }

        private void credit(Draft lot) {
            lot.remaining = lot.points;
            lots.add(lot);
            balance += lot.points;
            if (lot.type == TransactionType.EARN) {
                lifetimeEarned += lot.points;
            } else if (lot.type == TransactionType.BIRTHDAY) {
                String key = "birthday:"
                        + LocalDate.ofInstant(lot.legacy.createdAt(), siteZone).getYear();
                if (birthdayYears.add(key)) {
                    lot.bonusKey = key;
                } else {
                    note(
                            Kind.BIRTHDAY_REPEAT_KEPT,
                            lot,
                            "a second birthday bonus in " + key.substring(9) + " (the plugin allowed one a day): kept");
                }
            } else if (lot.type == TransactionType.REFUND && lot.orderKey() != null) {
                // The plugin's refund of points redeemed on a cancelled order: that redemption is refunded once.
                drafts.stream()
                        .filter(row -> row.id() < lot.id()
                                && row.status == AVAILABLE
                                && row.type == TransactionType.REDEEM
                                && lot.orderKey().equals(row.orderKey())
                                && !refundedRedemptions.contains(row.id()))
                        .findFirst()
                        .ifPresent(redemption -> {
                            refundedRedemptions.add(redemption.id());
                            lot.refundOf = redemption;
                            lot.bonusKey = "refund:" + redemption.id();
                        });
            }
        }

        /** The plugin's expire row takes what is left of the lots due at its time (spent points never expire). */
        private void expire(Draft row, Instant clock) {
            List<Draft> due = lots.stream()
                    .filter(lot -> lot.remaining > 0 && lot.dueAt(clock))
                    .sorted(FIFO)
                    .toList();
            int legacyPoints = row.points;
            int total = due.stream().mapToInt(lot -> lot.remaining).sum();
            if (total == 0) {
                row.makeVoid();
                note(
                        Kind.EXPIRED_LOT_PARTLY_SPENT,
                        row,
                        "the plugin expired " + legacyPoints + " points, but nothing of the lots due was left"
                                + " unspent: kept as a void row");
                return;
            }
            String ids = due.stream().map(lot -> Long.toString(lot.id())).collect(Collectors.joining(", "));
            for (Draft lot : due) {
                lot.expiredFrom += lot.remaining;
                allocate(row, lot, lot.remaining);
            }
            row.points = total;
            lifetimeExpired += total;
            balance -= total;
            if (total < legacyPoints) {
                note(
                        Kind.EXPIRED_LOT_PARTLY_SPENT,
                        row,
                        "the plugin expired " + legacyPoints + " points, but only " + total
                                + " were left unspent in the lots due (" + ids + "): " + (legacyPoints - total)
                                + " spent points were expired a second time; this row now expires " + total);
            } else if (total > legacyPoints) {
                note(
                        Kind.EXPIRY_INCOMPLETE,
                        row,
                        "the plugin expired " + legacyPoints + " points, but the lots due (" + ids + ") held " + total
                                + " unspent (it expired earn lots only): this row now expires " + total);
            }
        }

        private void redeem(Draft row, Instant clock) {
            int wanted = row.points;
            int taken = take(row, spendable(clock), wanted);
            if (taken == 0) {
                row.makeVoid();
                note(
                        Kind.OVERDRAWN_DEBIT,
                        row,
                        "a redemption of " + wanted + " points when nothing was spendable (the plugin let the balance"
                                + " go negative): kept as a void row");
                return;
            }
            row.points = taken;
            row.uncollectable = wanted - taken;
            lifetimeRedeemed += taken;
            balance -= taken;
            if (taken < wanted) {
                note(
                        Kind.OVERDRAWN_DEBIT,
                        row,
                        "a redemption of " + wanted + " points when only " + taken + " were spendable (the plugin let"
                                + " the balance go negative): recorded as " + taken + ", " + (wanted - taken)
                                + " uncollectable");
            }
        }

        /**
         * A negative adjustment. The plugin's order reversal ({@code <order>_reverse}) follows SPEC §5.6: at most the
         * award minus what of it expired or was taken back before, its own lot first, never below 0. Any other
         * negative adjustment is a staff debit taken FIFO, never below 0.
         */
        private void debitAdjust(Draft row, Instant clock) {
            int wanted = -row.points;
            Optional<Draft> award = reversedAward(row);
            if (award.isEmpty()) {
                int taken = take(row, spendable(clock), wanted);
                row.points = -taken;
                row.uncollectable = wanted - taken;
                balance -= taken;
                if (taken < wanted) {
                    note(
                            Kind.OVERDRAWN_DEBIT,
                            row,
                            "an adjustment of " + row.legacy.points() + " when only " + taken + " points were"
                                    + " spendable: recorded as " + (-taken) + ", " + (wanted - taken)
                                    + " uncollectable");
                }
                return;
            }
            Draft lot = award.get();
            int target = Math.min(wanted, Math.max(0, lot.points - lot.expiredFrom - lot.reversedFrom));
            List<Draft> ownFirst = new ArrayList<>();
            List<Draft> spendable = spendable(clock);
            spendable.stream().filter(candidate -> candidate == lot).forEach(ownFirst::add);
            spendable.stream().filter(candidate -> candidate != lot).forEach(ownFirst::add);
            int taken = take(row, ownFirst, target);
            lot.reversedFrom += target;
            row.reverses = lot;
            row.points = -taken;
            row.uncollectable = target - taken;
            balance -= taken;
            if (lot.type == TransactionType.EARN) {
                lifetimeEarned = Math.max(0, lifetimeEarned - target);
            }
            if (taken < wanted) {
                StringBuilder why = new StringBuilder("reverses " + lot.id() + " (order " + lot.orderKey()
                        + "): the plugin took back " + wanted + ", by our rules " + taken);
                if (target < wanted) {
                    why.append("; ")
                            .append(wanted - target)
                            .append(" of the award had already expired or been taken back");
                }
                if (target > taken) {
                    why.append("; ").append(target - taken).append(" were already spent (recorded as uncollectable)");
                }
                note(Kind.REVERSAL_CAPPED, row, why.toString());
            }
        }

        private Optional<Draft> reversedAward(Draft row) {
            if (row.legacy.orderId() == null) {
                return Optional.empty();
            }
            Matcher reversal = REVERSAL_ORDER.matcher(row.legacy.orderId());
            if (!reversal.matches()) {
                return Optional.empty();
            }
            String key = OrderKeys.normalise(reversal.group(1));
            return drafts.stream()
                    .filter(award -> award.id() < row.id()
                            && award.status == AVAILABLE
                            && award.type == TransactionType.EARN
                            && Objects.equals(key, award.orderKey()))
                    .findFirst();
        }

        private List<Draft> spendable(Instant clock) {
            return lots.stream()
                    .filter(lot -> lot.remaining > 0 && !lot.dueAt(clock))
                    .sorted(FIFO)
                    .toList();
        }

        /** Takes up to {@code amount} from the lots in order, recording allocations; returns what was taken. */
        private int take(Draft debit, List<Draft> candidates, int amount) {
            int left = amount;
            for (Draft lot : candidates) {
                if (left == 0) {
                    break;
                }
                int part = Math.min(left, lot.remaining);
                if (part > 0) {
                    allocate(debit, lot, part);
                    left -= part;
                }
            }
            return amount - left;
        }

        private void allocate(Draft debit, Draft lot, int points) {
            lot.remaining -= points;
            allocations.add(new RebuiltLedger.Allocation(debit.id(), lot.id(), points, debit.legacy.createdAt()));
        }

        /** Rows a client could send again with an order id answer as replays of the kept row (one per type). */
        private void assignClientOrderKeys() {
            Set<String> used = new HashSet<>();
            for (Draft row : drafts) {
                String key = row.orderKey();
                if (row.status == VOID || key == null || !(row.isCredit() || row.type == TransactionType.REDEEM)) {
                    continue;
                }
                String clientOrderKey = row.type.wire() + ":" + key;
                if (used.add(clientOrderKey)) {
                    row.clientOrderKey = clientOrderKey;
                }
            }
        }

        RebuiltLedger.Account account(List<LegacyTransaction> legacy, Instant now) {
            long due = lots.stream()
                    .filter(lot -> lot.remaining > 0 && lot.dueAt(now))
                    .mapToLong(lot -> lot.remaining)
                    .sum();
            long shown = balance - due;
            long plugin = pluginLedger(legacy, now);
            long pluginShown = Math.max(0, plugin);
            if (plugin < 0) {
                anomalies.add(Anomaly.ofMember(
                        Kind.NEGATIVE_LEDGER_SHOWN_AS_ZERO,
                        userId,
                        "the plugin's ledger stood at " + plugin + " and was shown as 0; the rebuilt balance is "
                                + shown));
            } else if (pluginShown != shown) {
                anomalies.add(Anomaly.ofMember(
                        Kind.BALANCE_CHANGED,
                        userId,
                        "the plugin showed " + pluginShown + "; the rebuilt balance is " + shown));
            }
            return new RebuiltLedger.Account(
                    userId, balance, lifetimeEarned, lifetimeRedeemed, lifetimeExpired, pending, shown, pluginShown);
        }

        /**
         * The plugin's own balance formula before its {@code max(0, ...)}: every unexpired credit-type row
         * (negative adjustments included), minus every redeem and every expire row.
         */
        private static long pluginLedger(List<LegacyTransaction> legacy, Instant now) {
            long total = 0;
            for (LegacyTransaction row : legacy) {
                String status = row.status() == null || row.status().isBlank()
                        ? APPROVED
                        : row.status().trim().toLowerCase(Locale.ROOT);
                if (row.deleted() || !APPROVED.equals(status)) {
                    continue;
                }
                if (PLUGIN_CREDIT_TYPES.contains(row.type())) {
                    boolean unexpired =
                            (row.expiresAt() == null || row.expiresAt().isAfter(now)) && !row.expiredFlag();
                    total += unexpired ? row.points() : 0;
                } else if ("redeem".equals(row.type()) || "expire".equals(row.type())) {
                    total -= row.points();
                }
            }
            return total;
        }

        private static String signed(int points) {
            return points > 0 ? "+" + points : Integer.toString(points);
        }
    }
}
