package com.twork.points.launcher.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MinimalTransactionsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 12, 0);

    @Test
    void theDueScanIsSkippedOnlyWhenTheAccountSaysNothingIsDue() {
        assertTrue(account(NOW.plusDays(3), null).nothingDueAt(NOW));
        assertFalse(account(NOW, null).nothingDueAt(NOW), "a lot expiring now is due");
        assertFalse(account(NOW.minusSeconds(1), null).nothingDueAt(NOW));
        assertFalse(account(null, null).nothingDueAt(NOW), "unknown: scan");
    }

    @Test
    void aNewLotLowersTheBoundOnlyWhenItExpiresSooner() {
        MinimalTransactions.Account account = account(NOW.plusDays(30), null);

        account.addLot(NOW.plusDays(365));
        assertEquals(NOW.plusDays(30), account.nextExpiry);

        account.addLot(NOW.plusDays(10));
        assertEquals(NOW.plusDays(10), account.nextExpiry);
        assertTrue(account.changed);
    }

    @Test
    void anUnknownBoundStaysUnknown() {
        MinimalTransactions.Account account = account(null, null);

        account.addLot(NOW.plusDays(365));

        assertNull(account.nextExpiry);
    }

    @Test
    void aNeverExpiringLotKeepsANeverBound() {
        MinimalTransactions.Account account = account(LocalDateTime.of(9999, 12, 31, 23, 59, 59), null);

        account.addLot(null);

        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59), account.nextExpiry);
    }

    @Test
    void pairingIsLookedForUnlessTheLastSyncIsOutsideTheWindow() {
        LocalDateTime since = NOW.minusHours(24);
        assertTrue(account(null, null).maySyncedSince(since), "unknown: look");
        assertTrue(account(null, NOW.minusHours(1)).maySyncedSince(since));
        assertFalse(account(null, NOW.minusHours(25)).maySyncedSince(since));
    }

    @Test
    void onlyDigitsThatFitABigintCanBeRowIds() {
        assertEquals(1234L, MinimalTransactions.numeric("1234"));
        assertEquals(9_000_000_000_000_000_001L, MinimalTransactions.numeric("9000000000000000001"));
        assertEquals(0, MinimalTransactions.numeric("99999999999999999999"));
        assertEquals(0, MinimalTransactions.numeric("12a"));
        assertEquals(0, MinimalTransactions.numeric("-5"));
        assertEquals(0, MinimalTransactions.numeric(""));
    }

    @Test
    void markersHaveOneQuestionMarkPerValue() {
        assertEquals("?, ?, ?", MinimalTransactions.marks(3));
    }

    private static MinimalTransactions.Account account(LocalDateTime nextExpiry, LocalDateTime lastSyncAt) {
        return new MinimalTransactions.Account(1, 100, 100, 0, 0, 0, nextExpiry, lastSyncAt);
    }
}
