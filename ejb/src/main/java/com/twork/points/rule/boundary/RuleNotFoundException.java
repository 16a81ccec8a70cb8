package com.twork.points.rule.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;

/** No rule has this id. */
public class RuleNotFoundException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;

    public RuleNotFoundException(long id) {
        super("Rule " + id + " does not exist");
    }
}
