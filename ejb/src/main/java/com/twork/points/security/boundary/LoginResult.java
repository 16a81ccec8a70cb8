package com.twork.points.security.boundary;

import com.twork.points.security.entity.Role;
import java.util.Optional;

/** A successful login: who, the session's cookie token (shown once) and a first nonce. */
public record LoginResult(
        long accountId, String login, Role role, Optional<Long> memberUserId, String sessionToken, String nonce) {
    @Override
    public String toString() {
        return "LoginResult[accountId=" + accountId + ", role=" + role + ", token=***, nonce=***]";
    }
}
