package com.twork.points.launcher.tools.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import com.twork.points.ledger.entity.TransactionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LedgerRebuildTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long MEMBER = 7;

    private static Instant days(int offset) {
        return NOW.plus(Duration.ofDays(offset));
    }

    /** A legacy row as the plugin stored it; the with* methods change one field. */
    private record Tx(LegacyTransaction row) {
        static Tx of(long id, String type, int points, Instant createdAt, Instant expiresAt) {
            return new Tx(new LegacyTransaction(
                    id, MEMBER, type, points, "Row " + id, null, createdAt, expiresAt, false, "approved", false));
        }

        Tx user(long userId) {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    userId,
                    r.type(),
                    r.points(),
                    r.description(),
                    r.orderId(),
                    r.createdAt(),
                    r.expiresAt(),
                    r.expiredFlag(),
                    r.status(),
                    r.deleted()));
        }

        Tx description(String description) {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    r.userId(),
                    r.type(),
                    r.points(),
                    description,
                    r.orderId(),
                    r.createdAt(),
                    r.expiresAt(),
                    r.expiredFlag(),
                    r.status(),
                    r.deleted()));
        }

        Tx order(String orderId) {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    r.userId(),
                    r.type(),
                    r.points(),
                    r.description(),
                    orderId,
                    r.createdAt(),
                    r.expiresAt(),
                    r.expiredFlag(),
                    r.status(),
                    r.deleted()));
        }

        Tx status(String status) {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    r.userId(),
                    r.type(),
                    r.points(),
                    r.description(),
                    r.orderId(),
                    r.createdAt(),
                    r.expiresAt(),
                    r.expiredFlag(),
                    status,
                    r.deleted()));
        }

        Tx deleted() {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    r.userId(),
                    r.type(),
                    r.points(),
                    r.description(),
                    r.orderId(),
                    r.createdAt(),
                    r.expiresAt(),
                    r.expiredFlag(),
                    r.status(),
                    true));
        }

        Tx expiredFlag() {
            LegacyTransaction r = row;
            return new Tx(new LegacyTransaction(
                    r.id(),
                    r.userId(),
                    r.type(),
                    r.points(),
                    r.description(),
                    r.orderId(),
                    r.createdAt(),
                    r.expiresAt(),
                    true,
                    r.status(),
                    r.deleted()));
        }
    }

    private static RebuiltLedger rebuild(Tx... rows) {
        List<LegacyTransaction> legacy = new ArrayList<>();
        for (Tx row : rows) {
            legacy.add(row.row());
        }
        RebuiltLedger ledger = LedgerRebuild.rebuild(legacy, ZoneOffset.UTC, NOW);
        assertInvariants(ledger);
        return ledger;
    }

    private static Map<Long, RebuiltLedger.Row> rows(RebuiltLedger ledger) {
        return ledger.rows().stream().collect(Collectors.toMap(RebuiltLedger.Row::id, Function.identity()));
    }

    private static RebuiltLedger.Account account(RebuiltLedger ledger, long userId) {
        return ledger.accounts().stream()
                .filter(account -> account.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    private static List<Kind> kinds(RebuiltLedger ledger) {
        return ledger.anomalies().stream().map(Anomaly::kind).toList();
    }

    /** "points remaining status uncollectable" of a row, for compact assertions. */
    private static String state(RebuiltLedger ledger, long id) {
        RebuiltLedger.Row row = rows(ledger).get(id);
        return row.type().wire() + " " + row.points() + " " + row.remaining() + " "
                + row.status().wire() + " " + row.uncollectable();
    }

    private static String allocations(RebuiltLedger ledger) {
        return ledger.allocations().stream()
                .map(a -> a.debitId() + "<-" + a.lotId() + ":" + a.points())
                .collect(Collectors.joining(" "));
    }

    /** SPEC §2 for every member, and every debit fully allocated from lots that had the points. */
    private static void assertInvariants(RebuiltLedger ledger) {
        for (RebuiltLedger.Account account : ledger.accounts()) {
            List<RebuiltLedger.Row> mine = ledger.rows().stream()
                    .filter(row -> row.userId() == account.userId() && row.status() == TransactionStatus.AVAILABLE)
                    .toList();
            long remaining =
                    mine.stream().mapToLong(RebuiltLedger.Row::remaining).sum();
            long net = mine.stream()
                    .mapToLong(row -> row.type().balanceDelta(row.points()))
                    .sum();
            assertEquals(account.balance(), remaining, "balance = remaining of lots, member " + account.userId());
            assertEquals(account.balance(), net, "balance = credits - debits, member " + account.userId());
            assertTrue(account.balance() >= 0 && account.shownBalance() >= 0);
        }
        for (RebuiltLedger.Row row : ledger.rows()) {
            long allocated = ledger.allocations().stream()
                    .filter(a -> a.debitId() == row.id())
                    .mapToLong(RebuiltLedger.Allocation::points)
                    .sum();
            long drawn = ledger.allocations().stream()
                    .filter(a -> a.lotId() == row.id())
                    .mapToLong(RebuiltLedger.Allocation::points)
                    .sum();
            if (row.status() == TransactionStatus.AVAILABLE && row.type().balanceDelta(row.points()) < 0) {
                assertEquals(Math.abs(row.points()), allocated, "debit " + row.id() + " fully allocated");
            } else {
                assertEquals(0, allocated, "row " + row.id() + " is no debit");
            }
            if (row.status() == TransactionStatus.AVAILABLE && row.type().balanceDelta(row.points()) > 0) {
                assertEquals(row.points(), row.remaining() + drawn, "lot " + row.id() + " adds up");
            } else {
                assertEquals(0, drawn, "nothing is drawn from row " + row.id());
            }
        }
    }

    @Test
    void anExpiryOfAPartlySpentLotTakesOnlyWhatWasLeft() {
        RebuiltLedger ledger = rebuild(
                Tx.of(100, "earn", 500, days(-400), days(-35)),
                Tx.of(101, "redeem", 200, days(-300), null),
                Tx.of(102, "expire", 500, days(-30), null).expiredFlag(),
                Tx.of(103, "earn", 1000, days(-20), days(345)));

        assertEquals("earn 500 0 available 0", state(ledger, 100));
        assertEquals("expire 300 0 available 0", state(ledger, 102));
        assertEquals("101<-100:200 102<-100:300", allocations(ledger));
        RebuiltLedger.Account account = account(ledger, MEMBER);
        assertEquals(1000, account.balance());
        assertEquals(1500, account.lifetimeEarned());
        assertEquals(200, account.lifetimeRedeemed());
        assertEquals(300, account.lifetimeExpired());
        assertEquals(300, account.pluginShownBalance(), "1000 - 200 - 500: the spent 200 counted twice");
        assertEquals(List.of(Kind.EXPIRED_LOT_PARTLY_SPENT, Kind.BALANCE_CHANGED), kinds(ledger));
        assertEquals(
                "[expired_lot_partly_spent] member 7, transaction 102: the plugin expired 500 points, but only 300 were"
                        + " left unspent in the lots due (100): 200 spent points were expired a second time; this row"
                        + " now expires 300",
                ledger.anomalies().get(0).line());
    }

    @Test
    void echoedCopiesAndTheirSyncBurstMatesAreVoidWhileGenuineRepeatsStay() {
        Instant burst = days(-5);
        RebuiltLedger ledger = rebuild(
                Tx.of(104, "earn", 50, days(-10), days(355)).description("Daily check-in"),
                Tx.of(105, "redeem", 20, days(-9), null).description("Coffee"),
                Tx.of(106, "earn", 50, burst, days(355)).description("Daily check-in"),
                Tx.of(107, "redeem", 20, burst.plusSeconds(1), null).description("Coffee"),
                Tx.of(110, "redeem", 20, days(-2), null).description("Coffee"));

        assertEquals("earn 50 0 void 0", state(ledger, 106));
        assertEquals("redeem 20 0 void 0", state(ledger, 107));
        assertEquals("redeem 20 0 available 0", state(ledger, 110));
        assertEquals(10, account(ledger, MEMBER).balance());
        assertEquals(
                List.of(Kind.ECHOED_DUPLICATE, Kind.ECHOED_DUPLICATE, Kind.POSSIBLE_ECHO_KEPT, Kind.BALANCE_CHANGED),
                kinds(ledger));
        assertTrue(ledger.anomalies().get(1).message().contains("together with echo 106"));
    }

    @Test
    void anOrderCreditedAsWc77AndAs77KeepsTheShopsAwardOnly() {
        RebuiltLedger ledger = rebuild(
                Tx.of(108, "earn", 120, days(-4), days(361)).order("WC-77"),
                Tx.of(109, "earn", 120, days(-4).plusSeconds(3600), days(361)).order("77"),
                Tx.of(111, "redeem", 30, days(-1), null).order("WC-80"));

        assertEquals("earn 120 0 void 0", state(ledger, 108));
        assertEquals("earn 120 90 available 0", state(ledger, 109));
        assertNull(rows(ledger).get(108L).clientOrderKey());
        assertEquals("earn:77", rows(ledger).get(109L).clientOrderKey());
        assertEquals("redeem:80", rows(ledger).get(111L).clientOrderKey());
        assertEquals(
                List.of(new RebuiltLedger.Order("77", MEMBER, "completed", 120, 109, 0, 0, days(-4).plusSeconds(3600))),
                ledger.orders());
        assertEquals(Kind.ORDER_CREDITED_TWICE, ledger.anomalies().get(0).kind());
        assertEquals(
                "order 77 was credited 2 times as \"WC-77\" (108), \"77\" (109): kept 109 (the shop's award), this row"
                        + " is void",
                ledger.anomalies().get(0).message());
    }

    @Test
    void aDoubleSpendIsCutToWhatWasSpendableAndTheNegativeLedgerReported() {
        RebuiltLedger ledger = rebuild(
                Tx.of(111, "earn", 100, days(-50), days(315)),
                Tx.of(112, "redeem", 80, days(-40), null).description("Gift card"),
                Tx.of(113, "redeem", 80, days(-40), null).description("Voucher"),
                Tx.of(114, "redeem", 10, days(-39), null).description("Late"));

        assertEquals("redeem 20 0 available 60", state(ledger, 113));
        assertEquals("redeem 10 0 void 0", state(ledger, 114));
        RebuiltLedger.Account account = account(ledger, MEMBER);
        assertEquals(0, account.balance());
        assertEquals(100, account.lifetimeRedeemed());
        assertEquals(0, account.pluginShownBalance());
        assertEquals(
                List.of(Kind.OVERDRAWN_DEBIT, Kind.OVERDRAWN_DEBIT, Kind.NEGATIVE_LEDGER_SHOWN_AS_ZERO), kinds(ledger));
        assertEquals(
                "[negative_ledger_shown_as_zero] member 7: the plugin's ledger stood at -70 and was shown as 0; the"
                        + " rebuilt balance is 0",
                ledger.anomalies().get(2).line());
    }

    @Test
    void aReversalTakesItsOwnLotFirstNeverBelowZeroAndARefundGivesBackItsRedemptionOnce() {
        RebuiltLedger ledger = rebuild(
                Tx.of(120, "earn", 300, days(-60), days(305)).order("88"),
                Tx.of(121, "earn", 50, days(-59), days(100)),
                Tx.of(122, "redeem", 200, days(-58), null).order("WC-91"),
                Tx.of(123, "adjust", -300, days(-30), days(335)).order("88_reverse"),
                Tx.of(124, "refund", 200, days(-29), days(336)).order("91"));

        // FIFO took 50 from 121 (soonest expiring) and 150 from 120; the reversal takes 120's 150, then 0 elsewhere.
        assertEquals("122<-121:50 122<-120:150 123<-120:150", allocations(ledger));
        assertEquals("adjust -150 0 available 150", state(ledger, 123));
        RebuiltLedger.Row reversal = rows(ledger).get(123L);
        assertEquals(120L, reversal.reversesId());
        assertNull(reversal.expiresAt(), "a debit has no expiry");
        assertEquals("refund:122", rows(ledger).get(124L).bonusKey());
        RebuiltLedger.Account account = account(ledger, MEMBER);
        assertEquals(200, account.balance());
        assertEquals(50, account.lifetimeEarned(), "the reversed award (300) no longer counts as earned");
        assertEquals(
                List.of(new RebuiltLedger.Order("88", MEMBER, "cancelled", 0, 120, 150, 0, days(-60))),
                ledger.orders());
        assertEquals(Kind.REVERSAL_CAPPED, ledger.anomalies().get(0).kind());
        assertEquals(
                "reverses 120 (order 88): the plugin took back 300, by our rules 150; 150 were already spent (recorded"
                        + " as uncollectable)",
                ledger.anomalies().get(0).message());
    }

    @Test
    void rowsOurLedgerCannotTakeAsTheyAreAreKeptVoidOrMappedAndReported() {
        RebuiltLedger ledger = rebuild(
                Tx.of(130, "earn", 100, days(-10), null),
                Tx.of(131, "poll_win", 25, days(-9), null),
                Tx.of(132, "earn", 70, days(-8), null).deleted(),
                Tx.of(133, "earn", 60, days(-7), null).status("rejected"),
                Tx.of(134, "earn", 40, days(-6), null).status("pending").order("95"),
                Tx.of(135, "redeem", 10, days(-5), null).status("pending"),
                Tx.of(136, "redeem", -15, days(-4), null),
                Tx.of(137, "earn", -5, days(-3), null),
                Tx.of(138, "birthday", 0, days(-2), null));

        assertEquals("adjust 25 0 void 0", state(ledger, 131));
        assertEquals("earn 70 0 void 0", state(ledger, 132));
        assertEquals("earn 60 0 void 0", state(ledger, 133));
        assertEquals("earn 40 40 pending 0", state(ledger, 134));
        assertEquals("redeem 10 0 void 0", state(ledger, 135));
        assertEquals("adjust 15 15 available 0", state(ledger, 136));
        assertEquals("adjust -5 0 available 0", state(ledger, 137));
        assertEquals("adjust 0 0 void 0", state(ledger, 138));
        RebuiltLedger.Account account = account(ledger, MEMBER);
        assertEquals(110, account.balance());
        assertEquals(40, account.pending());
        assertEquals(
                List.of(
                        Kind.UNKNOWN_TYPE,
                        Kind.DELETED_ROW,
                        Kind.NOT_APPROVED,
                        Kind.PENDING_KEPT,
                        Kind.PENDING_DEBIT,
                        Kind.SIGN_CONTRADICTS_TYPE,
                        Kind.SIGN_CONTRADICTS_TYPE,
                        Kind.ZERO_POINTS),
                kinds(ledger),
                "the plugin showed 100 + 15 - 5 = 110 too: no balance line");
    }

    @Test
    void anExpireRowWithNothingLeftIsVoidAndLotsDueWithoutOneWaitForTheExpiryJob() {
        RebuiltLedger ledger = rebuild(
                Tx.of(140, "referral", 10, days(-200), days(-1)),
                Tx.of(141, "earn", 200, days(-100), days(-5)),
                Tx.of(142, "redeem", 200, days(-90), null),
                Tx.of(143, "expire", 200, days(-2), null),
                Tx.of(144, "earn", 30, days(-1), days(364)));

        assertEquals("expire 200 0 void 0", state(ledger, 143));
        assertEquals("referral 10 10 available 0", state(ledger, 140));
        RebuiltLedger.Account account = account(ledger, MEMBER);
        assertEquals(40, account.balance(), "the referral lot is past its expiry and not yet expired");
        assertEquals(30, account.shownBalance());
        assertEquals(0, account.lifetimeExpired());
        assertEquals(List.of(Kind.EXPIRED_LOT_PARTLY_SPENT, Kind.NEGATIVE_LEDGER_SHOWN_AS_ZERO), kinds(ledger));
    }

    @Test
    void anExpireRowTakesLotsThePluginNeverExpiredToo() {
        RebuiltLedger ledger = rebuild(
                Tx.of(150, "earn", 100, days(-100), days(-10)),
                Tx.of(151, "birthday", 50, days(-100), days(-10)),
                Tx.of(152, "expire", 100, days(-5), null));

        assertEquals("expire 150 0 available 0", state(ledger, 152));
        assertEquals(Kind.EXPIRY_INCOMPLETE, kinds(ledger).get(0));
    }

    @Test
    void aBirthdayBonusCarriesItsYearOnceAndRepeatsAreKept() {
        RebuiltLedger ledger = rebuild(
                Tx.of(160, "birthday", 200, Instant.parse("2025-05-17T08:00:00Z"), null),
                Tx.of(161, "birthday", 200, Instant.parse("2025-05-18T08:00:00Z"), null),
                Tx.of(162, "birthday", 200, Instant.parse("2026-01-02T08:00:00Z"), null));

        assertEquals("birthday:2025", rows(ledger).get(160L).bonusKey());
        assertNull(rows(ledger).get(161L).bonusKey());
        assertEquals("birthday:2026", rows(ledger).get(162L).bonusKey());
        assertEquals(List.of(Kind.BIRTHDAY_REPEAT_KEPT), kinds(ledger));
    }

    @Test
    void membersAreRebuiltApartAndAnOrderOfTwoMembersIsReported() {
        RebuiltLedger ledger = rebuild(
                Tx.of(170, "earn", 100, days(-10), null).order("500"),
                Tx.of(171, "earn", 80, days(-9), null).order("500").user(8),
                Tx.of(172, "redeem", 90, days(-8), null).user(8));

        assertEquals(100, account(ledger, MEMBER).balance());
        assertEquals(0, account(ledger, 8).balance());
        assertEquals("redeem 80 0 available 10", state(ledger, 172));
        assertEquals(1, ledger.orders().size());
        assertTrue(kinds(ledger).contains(Kind.ORDER_OF_ANOTHER_MEMBER));
    }

    @Test
    void randomLegacyLedgersAlwaysRebuildIntoAConsistentLedger() {
        String[] types = {"earn", "earn", "earn", "redeem", "redeem", "expire", "adjust", "refund", "birthday", "x"};
        String[] statuses = {"approved", "approved", "approved", "approved", "pending", "rejected"};
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<Tx> rows = new ArrayList<>();
            Instant at = days(-400);
            for (int id = 1; id <= 40; id++) {
                at = at.plus(Duration.ofHours(random.nextInt(200)));
                String type = types[random.nextInt(types.length)];
                int points = random.nextInt(300) - (type.equals("adjust") ? 150 : 20);
                Instant expires = random.nextBoolean() ? at.plus(Duration.ofDays(random.nextInt(200))) : null;
                Tx row = Tx.of(id, type, points, at, expires)
                        .user(1 + random.nextInt(3))
                        .status(statuses[random.nextInt(statuses.length)])
                        .description(random.nextBoolean() ? "Same" : "Other " + id);
                if (random.nextInt(4) == 0) {
                    row = row.order((random.nextBoolean() ? "WC-" : "")
                            + random.nextInt(5)
                            + (random.nextInt(6) == 0 ? "_reverse" : ""));
                }
                rows.add(random.nextInt(15) == 0 ? row.deleted() : row);
            }
            rebuild(rows.toArray(Tx[]::new));
        }
    }
}
