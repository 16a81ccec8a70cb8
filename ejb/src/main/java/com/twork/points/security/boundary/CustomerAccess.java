package com.twork.points.security.boundary;

/** What a logged-in customer may do with an operation (SPEC §4 table). */
public enum CustomerAccess {
    /** Customers may not (403 rest_forbidden_permission). */
    NONE,
    /** Only for their own member (another member: 403 rest_forbidden_user). */
    OWN_MEMBER,
    /** Any customer, acting on itself (e.g. changing its own password). */
    ANY
}
