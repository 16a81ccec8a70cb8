package com.twork.points.order.control;

/** What applying one order event did, in words for the delivery log. */
public record OrderOutcome(String outcome, String detail) {
    public static OrderOutcome applied(String detail) {
        return new OrderOutcome("applied", detail);
    }

    public static OrderOutcome stale(String detail) {
        return new OrderOutcome("stale", detail);
    }

    /**
     * The event is about an erased member (docs/privacy.md): nothing is applied, and the delivery's body, which
     * carries the customer's personal data again, is not kept.
     */
    public static OrderOutcome erased(long userId) {
        return new OrderOutcome(ERASED, "member " + userId + " was erased: not applied, body not kept");
    }

    public static final String ERASED = "erased";

    public boolean bodyMustNotBeKept() {
        return ERASED.equals(outcome);
    }
}
