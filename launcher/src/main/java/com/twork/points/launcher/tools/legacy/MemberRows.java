package com.twork.points.launcher.tools.legacy;

import static com.twork.points.ledger.entity.TransactionStatus.AVAILABLE;
import static com.twork.points.ledger.entity.TransactionStatus.PENDING;
import static com.twork.points.ledger.entity.TransactionStatus.VOID;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.ledger.entity.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one member's legacy rows are before the ledger is replayed: unknown types, trash, statuses and signs
 * classified, echoed copies (the plugin's /sync re-inserted them) and orders credited twice set aside as void rows;
 * after the replay, the client order keys that let a client's resend answer as a replay of the kept row.
 */
final class MemberRows {
    private final long userId;
    private final List<Anomaly> anomalies;
    private final List<DraftRow> drafts = new ArrayList<>();

    private MemberRows(long userId, List<Anomaly> anomalies) {
        this.userId = userId;
        this.anomalies = anomalies;
    }

    /** The member's rows in id order, classified, with echoed copies and second order credits set aside (void). */
    static List<DraftRow> classified(long userId, List<LegacyTransaction> legacy, List<Anomaly> anomalies) {
        MemberRows rows = new MemberRows(userId, anomalies);
        legacy.forEach(row -> rows.drafts.add(rows.classify(row)));
        rows.setAsideEchoes();
        rows.setAsideSecondOrderCredits();
        return rows.drafts;
    }

    private void note(Kind kind, DraftRow row, String message) {
        anomalies.add(Anomaly.of(kind, userId, row.id(), message));
    }

    private DraftRow classify(LegacyTransaction legacy) {
        DraftRow row = new DraftRow(legacy);
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
                ? LedgerRebuild.APPROVED
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
        } else if (!LedgerRebuild.APPROVED.equals(status)) {
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
        Map<Signature, DraftRow> originals = new HashMap<>();
        List<DraftRow> echoes = new ArrayList<>();
        Map<DraftRow, DraftRow> repeats = new LinkedHashMap<>();
        for (DraftRow row : drafts) {
            if (row.status == VOID || row.type == TransactionType.EXPIRE) {
                continue;
            }
            Signature signature = new Signature(
                    row.type,
                    row.points,
                    Objects.requireNonNullElse(row.legacy.description(), ""),
                    Objects.requireNonNullElse(row.legacy.orderId(), "").trim(),
                    row.legacy.expiresAt());
            DraftRow original = originals.putIfAbsent(signature, row);
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
            Optional<DraftRow> burst = echoes.stream()
                    .filter(echo -> Duration.between(echo.legacy.createdAt(), row.legacy.createdAt())
                                    .abs()
                                    .compareTo(LedgerRebuild.SYNC_BURST)
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
        Map<String, List<DraftRow>> byOrder = new LinkedHashMap<>();
        for (DraftRow row : drafts) {
            if (row.status != VOID && row.type == TransactionType.EARN && row.orderKey() != null) {
                byOrder.computeIfAbsent(row.orderKey(), key -> new ArrayList<>())
                        .add(row);
            }
        }
        byOrder.forEach((key, credits) -> {
            if (credits.size() < 2) {
                return;
            }
            Optional<DraftRow> shopAward = credits.stream()
                    .filter(row -> row.status == AVAILABLE && isShopForm(row, key))
                    .findFirst()
                    .or(() ->
                            credits.stream().filter(row -> isShopForm(row, key)).findFirst());
            DraftRow kept = shopAward
                    .or(() -> credits.stream()
                            .filter(row -> row.status == AVAILABLE)
                            .findFirst())
                    .orElse(credits.get(0));
            String all = credits.stream()
                    .map(row -> "\"" + row.legacy.orderId() + "\" (" + row.id() + ")")
                    .collect(Collectors.joining(", "));
            for (DraftRow row : credits) {
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

    private static boolean isShopForm(DraftRow row, String key) {
        return key.equals(row.legacy.orderId().trim());
    }

    /** Rows a client could send again with an order id answer as replays of the kept row (one per type). */
    static void assignClientOrderKeys(List<DraftRow> drafts) {
        Set<String> used = new HashSet<>();
        for (DraftRow row : drafts) {
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

    /** What tells an echoed copy from its original: everything the app re-posts. */
    private record Signature(TransactionType type, int points, String description, String orderId, Instant expiresAt) {}

    private static String signed(int points) {
        return points > 0 ? "+" + points : Integer.toString(points);
    }
}
