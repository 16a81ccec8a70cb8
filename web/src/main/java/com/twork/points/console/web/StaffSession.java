package com.twork.points.console.web;

import com.twork.points.security.entity.Role;

/**
 * The staff member behind a console request: their account, their session and the CSRF token every form of the
 * page carries (a nonce bound to this session, valid 12 to 24 hours).
 */
public record StaffSession(long accountId, String login, Role role, long sessionId, String token, String csrf) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
