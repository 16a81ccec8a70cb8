package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonNestingTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsArraysAndObjectsInsideOneAnother() {
        assertFalse(JsonNesting.exceeds(bytes("{\"a\": [1, {\"b\": [2]}]}"), 4));
        assertTrue(JsonNesting.exceeds(bytes("{\"a\": [1, {\"b\": [[2]]}]}"), 4));
        assertFalse(JsonNesting.exceeds(bytes("[[]] [[]] [[]]"), 2), "siblings do not add up");
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        assertFalse(JsonNesting.exceeds(bytes("{\"a\": \"[[[[{{{{\"}"), 1));
        assertFalse(JsonNesting.exceeds(bytes("{\"a\": \"quote \\\" then [[[[\"}"), 1));
        assertTrue(JsonNesting.exceeds(bytes("{\"a\": \"\\\\\", \"b\": [[1]]}"), 2), "an escaped backslash ends");
    }

    @Test
    void aHundredThousandLevelsAreFoundWithoutRecursion() {
        assertTrue(JsonNesting.exceeds(bytes("[".repeat(100_000) + "]".repeat(100_000)), JsonNesting.MAX_DEPTH));
        assertFalse(JsonNesting.exceeds(bytes("]]]]}}}}"), 0), "stray closers never go below zero");
    }
}
