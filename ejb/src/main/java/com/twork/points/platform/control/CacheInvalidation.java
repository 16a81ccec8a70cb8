package com.twork.points.platform.control;

/**
 * A change that makes every instance's cached copy of something stale: fired as a CDI event on each instance
 * (this one and, through the data grid, every other) once the change is committed.
 */
public enum CacheInvalidation {
    API_KEYS,
    SETTINGS,
    TIERS,
    /** Earning rules (issue 23): each instance's compiled rules. */
    EARNING_RULES
}
