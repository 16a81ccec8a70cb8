package com.twork.points.order.boundary;

/** What happened to a delivery: applied, duplicate, stale, ignored or failed (failures are kept and shown). */
public record WebhookReceipt(String outcome, String detail) {}
