package com.twork.points.client;

/** A lot that expires within 30 days, and how much of it is still unspent. */
public record ExpiringLot(Transaction transaction, int remaining) {}
