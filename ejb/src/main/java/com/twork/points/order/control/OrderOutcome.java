package com.twork.points.order.control;

/** What applying one order event did, in words for the delivery log. */
public record OrderOutcome(String outcome, String detail) {
    public static OrderOutcome applied(String detail) {
        return new OrderOutcome("applied", detail);
    }

    public static OrderOutcome stale(String detail) {
        return new OrderOutcome("stale", detail);
    }
}
