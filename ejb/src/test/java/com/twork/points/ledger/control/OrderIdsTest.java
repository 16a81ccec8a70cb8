package com.twork.points.ledger.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIdsTest {
    @ParameterizedTest
    @CsvSource({"77,77", "WC-77,77", "wc-77,77", "#77,77", "'  WC-77  ',77", "' 77 ',77", "WC-A-1,A-1", "'WC- 9',9"})
    void sameOrderWhateverThePrefix(String raw, String normalised) {
        assertEquals(Optional.of(normalised), OrderIds.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "WC-", "#"})
    void blankIsNoOrder(String raw) {
        assertEquals(Optional.empty(), OrderIds.normalise(raw));
    }
}
