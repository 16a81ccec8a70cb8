package com.twork.points.security.boundary;

import com.twork.points.security.entity.Account;
import com.twork.points.security.entity.Role;
import java.time.Instant;
import java.util.Optional;

/** An account as staff see it (never its password hash). */
public record AccountView(
        long id,
        String login,
        Role role,
        Optional<Long> memberUserId,
        boolean enabled,
        Instant createdAt,
        Optional<Instant> lastLoginAt) {

    public static AccountView of(Account account) {
        return new AccountView(
                account.id(),
                account.login(),
                account.role(),
                account.memberUserId(),
                account.isEnabled(),
                account.createdAt(),
                account.lastLoginAt());
    }
}
