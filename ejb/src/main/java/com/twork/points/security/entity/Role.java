package com.twork.points.security.entity;

/** What a logged-in account may do (SPEC §4): ADMIN everything, MANAGER points and console, CUSTOMER its own. */
public enum Role {
    ADMIN,
    MANAGER,
    CUSTOMER;

    /** Whether this role satisfies an operation that needs at least {@code needed} (ADMIN > MANAGER). */
    public boolean covers(Role needed) {
        return this == ADMIN || (this == MANAGER && needed == MANAGER);
    }
}
