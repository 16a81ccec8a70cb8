package com.twork.points.launcher.tools.legacy;

import static com.twork.points.ledger.entity.TransactionStatus.AVAILABLE;
import static com.twork.points.ledger.entity.TransactionStatus.PENDING;
import static com.twork.points.ledger.entity.TransactionStatus.VOID;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.ledger.entity.OrderKeys;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One member's ledger replayed by our rules, in id order: credits become lots, redemptions and negative adjustments
 * consume spendable lots soonest-expiring first, the plugin's expire rows take what is left of the lots due at their
 * time, reversals take back their award's own lot first; then the member's totals and the account row.
 */
final class MemberLedger {
    private static final Comparator<DraftRow> FIFO =
            Comparator.comparing(DraftRow::lotExpiry).thenComparingLong(DraftRow::id);
    private static final Pattern REVERSAL_ORDER = Pattern.compile("^\\s*(.+?)_reverse\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PLUGIN_CREDIT_TYPES = Set.of("earn", "adjust", "referral", "birthday", "refund");

    final long userId;
    final ZoneId siteZone;
    final List<Anomaly> anomalies;
    final List<DraftRow> drafts = new ArrayList<>();
    final List<DraftRow> lots = new ArrayList<>();
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
        drafts.addAll(MemberRows.classified(userId, legacy, anomalies));
        replay();
        MemberRows.assignClientOrderKeys(drafts);
    }

    private void note(Kind kind, DraftRow row, String message) {
        anomalies.add(Anomaly.of(kind, userId, row.id(), message));
    }

    private void replay() {
        Instant clock = Instant.MIN;
        for (DraftRow row : drafts) {
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

    private void credit(DraftRow lot) {
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
    private void expire(DraftRow row, Instant clock) {
        List<DraftRow> due = lots.stream()
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
        for (DraftRow lot : due) {
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

    private void redeem(DraftRow row, Instant clock) {
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
    private void debitAdjust(DraftRow row, Instant clock) {
        int wanted = -row.points;
        Optional<DraftRow> award = reversedAward(row);
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
        DraftRow lot = award.get();
        int target = Math.min(wanted, Math.max(0, lot.points - lot.expiredFrom - lot.reversedFrom));
        List<DraftRow> ownFirst = new ArrayList<>();
        List<DraftRow> spendable = spendable(clock);
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
                why.append("; ").append(wanted - target).append(" of the award had already expired or been taken back");
            }
            if (target > taken) {
                why.append("; ").append(target - taken).append(" were already spent (recorded as uncollectable)");
            }
            note(Kind.REVERSAL_CAPPED, row, why.toString());
        }
    }

    private Optional<DraftRow> reversedAward(DraftRow row) {
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

    private List<DraftRow> spendable(Instant clock) {
        return lots.stream()
                .filter(lot -> lot.remaining > 0 && !lot.dueAt(clock))
                .sorted(FIFO)
                .toList();
    }

    /** Takes up to {@code amount} from the lots in order, recording allocations; returns what was taken. */
    private int take(DraftRow debit, List<DraftRow> candidates, int amount) {
        int left = amount;
        for (DraftRow lot : candidates) {
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

    private void allocate(DraftRow debit, DraftRow lot, int points) {
        lot.remaining -= points;
        allocations.add(new RebuiltLedger.Allocation(debit.id(), lot.id(), points, debit.legacy.createdAt()));
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
                    "the plugin's ledger stood at " + plugin + " and was shown as 0; the rebuilt balance is " + shown));
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
                    ? LedgerRebuild.APPROVED
                    : row.status().trim().toLowerCase(Locale.ROOT);
            if (row.deleted() || !LedgerRebuild.APPROVED.equals(status)) {
                continue;
            }
            if (PLUGIN_CREDIT_TYPES.contains(row.type())) {
                boolean unexpired = (row.expiresAt() == null || row.expiresAt().isAfter(now)) && !row.expiredFlag();
                total += unexpired ? row.points() : 0;
            } else if ("redeem".equals(row.type()) || "expire".equals(row.type())) {
                total -= row.points();
            }
        }
        return total;
    }
}
