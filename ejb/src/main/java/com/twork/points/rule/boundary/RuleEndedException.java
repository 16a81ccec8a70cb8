package com.twork.points.rule.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** An ended rule is kept for the record and never changes again. */
public class RuleEndedException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public RuleEndedException(long id) {
        super("Rule " + id + " has ended and cannot be changed; create a new rule instead");
    }
}
