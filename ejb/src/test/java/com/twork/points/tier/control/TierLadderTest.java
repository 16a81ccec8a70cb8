package com.twork.points.tier.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierLadderTest {
    @ParameterizedTest
    @CsvSource({
        "0, basic, bronze, 5000",
        "4999, basic, bronze, 1",
        "5000, bronze, silver, 5000",
        "19999, silver, gold, 1",
        "20000, gold, platinum, 30000",
    })
    void placesOnTheDefaultLadder(long earned, String key, String next, long toNext) {
        TierStanding standing = TierLadder.DEFAULT.place(earned);
        assertEquals(key, standing.key());
        assertEquals(Optional.of(next), standing.nextKey());
        assertEquals(Optional.of(toNext), standing.pointsToNext());
    }

    @Test
    void theTopTierHasNoNext() {
        TierStanding standing = TierLadder.DEFAULT.place(1_000_000);
        assertEquals("platinum", standing.key());
        assertEquals(new BigDecimal("1.500"), standing.multiplier());
        assertEquals(Optional.empty(), standing.nextKey());
        assertEquals(Optional.empty(), standing.pointsToNext());
    }

    @Test
    void unorderedRungsAreSortedAndAnEmptyLadderFallsBackToTheDefaults() {
        TierLadder ladder = new TierLadder(List.of(
                new TierLadder.Rung("b", "B", 100, BigDecimal.TEN), new TierLadder.Rung("a", "A", 0, BigDecimal.ONE)));
        assertEquals("a", ladder.place(99).key());
        assertEquals("b", ladder.place(100).key());
        assertEquals("basic", new TierLadder(List.of()).place(10).key());
    }
}
