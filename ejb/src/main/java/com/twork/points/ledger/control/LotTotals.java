package com.twork.points.ledger.control;

/**
 * Sums over one member's open lots at a moment: {@code overdue} is what has passed its expiry time but has not
 * been expired by a write or the job yet; {@code expiringSoon} is what expires within the look-ahead window.
 */
public record LotTotals(long overdue, long expiringSoon) {}
