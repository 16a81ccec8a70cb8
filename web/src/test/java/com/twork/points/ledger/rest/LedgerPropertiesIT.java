package com.twork.points.ledger.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twork.points.it.Api;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Random sequences of earns, redeems, clock moves and expiry checks against the real server, compared step by
 * step with a plain model of lots and FIFO, and checked against the §2 invariant at the end.
 *
 * <p>Lots expire at the start instant plus k and a half days while the clock only moves in whole days, so no
 * expiry ever lies within hours of "now": the wall-clock seconds a run takes cannot flip an outcome.
 */
class LedgerPropertiesIT {
    private static final Instant START = Instant.now();

    sealed interface Op permits Earn, Redeem, Shift, CheckExpired {}

    /** {@code expiryDay} null: never expires; else expires at START + expiryDay + 12 h. */
    record Earn(int points, Integer expiryDay) implements Op {}

    record Redeem(int points) implements Op {}

    record Shift(int days) implements Op {}

    record CheckExpired() implements Op {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> earn = Arbitraries.integers()
                .between(1, 300)
                .flatMap(points ->
                        Arbitraries.integers().between(-3, 60).injectNull(0.2).map(day -> new Earn(points, day)));
        Arbitrary<Op> redeem = Arbitraries.integers().between(1, 300).map(Redeem::new);
        Arbitrary<Op> shift = Arbitraries.integers().between(0, 20).map(Shift::new);
        Arbitrary<Op> check = Arbitraries.just(new CheckExpired());
        return Arbitraries.frequencyOf(Tuple.of(5, earn), Tuple.of(4, redeem), Tuple.of(2, shift), Tuple.of(1, check))
                .list()
                .ofMinSize(1)
                .ofMaxSize(18);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void theServerAgreesWithTheModelAndKeepsTheInvariant(@ForAll("operations") List<Op> operations) {
        Fixtures.Key key = Fixtures.writeKey();
        long userId = Fixtures.newMember();
        Model model = new Model();
        try {
            Fixtures.shiftClock(Duration.ZERO);
            for (Op op : operations) {
                apply(op, key, userId, model);
            }
            JsonObject balance = Api.get("/balance/" + userId, key).assertOk();
            assertEquals(model.shownBalance(), balance.getInt("current_balance"), "balance after " + operations);
        } finally {
            Fixtures.shiftClock(Duration.ZERO);
        }
        Ledger.assertInvariant(userId);
    }

    private static void apply(Op op, Fixtures.Key key, long userId, Model model) {
        if (op instanceof Earn earn) {
            String expires = earn.expiryDay() == null
                    ? ""
                    : ", \"expires_at\": \""
                            + START.plus(Duration.ofDays(earn.expiryDay()).plusHours(12)) + "\"";
            JsonObject answer = Api.post(
                            "/earn", key, "{\"user_id\": " + userId + ", \"points\": " + earn.points() + expires + "}")
                    .assertOk();
            model.earn(earn.points(), earn.expiryDay());
            assertEquals(model.shownBalance(), answer.getInt("new_balance"), "after " + op);
        } else if (op instanceof Redeem redeem) {
            Reply reply =
                    Api.post("/redeem", key, "{\"user_id\": " + userId + ", \"points\": " + redeem.points() + "}");
            if (model.redeem(redeem.points())) {
                assertEquals(model.shownBalance(), reply.assertOk().getInt("new_balance"), "after " + op);
            } else {
                reply.assertError(400, "insufficient_points");
            }
        } else if (op instanceof Shift shift) {
            model.day += shift.days();
            Fixtures.shiftClock(Duration.ofDays(model.day));
        } else {
            JsonObject answer = Api.post("/check-expired/" + userId, key, "").assertOk();
            long expired = model.expireDue();
            assertEquals(expired, answer.getInt("expired_points"), "after " + op);
            assertEquals(model.shownBalance(), answer.getInt("new_balance"));
        }
    }

    /** Lots with an expiry day (null: never) and what remains of them; the clock is a whole day count. */
    static final class Model {
        static final class Lot {
            final long sequence;
            final Integer expiryDay;
            int remaining;

            Lot(long sequence, Integer expiryDay, int remaining) {
                this.sequence = sequence;
                this.expiryDay = expiryDay;
                this.remaining = remaining;
            }

            boolean expiredOn(int day) {
                return expiryDay != null && day > expiryDay;
            }
        }

        final List<Lot> lots = new ArrayList<>();
        int day;

        void earn(int points, Integer expiryDay) {
            expireDue();
            lots.add(new Lot(lots.size(), expiryDay, points));
        }

        boolean redeem(int points) {
            List<Lot> spendable = lots.stream()
                    .filter(lot -> !lot.expiredOn(day) && lot.remaining > 0)
                    .sorted(Comparator.comparing((Lot lot) -> lot.expiryDay == null ? Integer.MAX_VALUE : lot.expiryDay)
                            .thenComparingLong(lot -> lot.sequence))
                    .toList();
            if (spendable.stream().mapToLong(lot -> lot.remaining).sum() < points) {
                return false; // the server rolls back its expiry too, so the model keeps its lots as they are
            }
            expireDue();
            int left = points;
            for (Lot lot : spendable) {
                int take = Math.min(left, lot.remaining);
                lot.remaining -= take;
                left -= take;
            }
            return true;
        }

        long expireDue() {
            long expired = 0;
            for (Lot lot : lots) {
                if (lot.expiredOn(day)) {
                    expired += lot.remaining;
                    lot.remaining = 0;
                }
            }
            return expired;
        }

        long shownBalance() {
            return lots.stream()
                    .filter(lot -> !lot.expiredOn(day))
                    .mapToLong(lot -> lot.remaining)
                    .sum();
        }
    }
}
