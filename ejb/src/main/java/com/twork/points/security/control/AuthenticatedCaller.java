package com.twork.points.security.control;

import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import java.util.Optional;

/**
 * A verified caller: an API key (with its permission) or a logged-in account (with its role, and its member
 * for customers). {@code actor} is what the ledger and the audit log record: {@code key:12} or
 * {@code account:7}.
 */
public record AuthenticatedCaller(
        String actor,
        Optional<Permission> keyPermission,
        Optional<Role> role,
        Optional<Long> accountId,
        Optional<Long> memberUserId,
        Optional<Long> sessionId) {

    public static AuthenticatedCaller key(long keyId, Permission permission) {
        return new AuthenticatedCaller(
                "key:" + keyId,
                Optional.of(permission),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static AuthenticatedCaller account(long accountId, Role role, Optional<Long> member, long sessionId) {
        return new AuthenticatedCaller(
                "account:" + accountId,
                Optional.empty(),
                Optional.of(role),
                Optional.of(accountId),
                member,
                Optional.of(sessionId));
    }

    public boolean isKey() {
        return keyPermission.isPresent();
    }

    /** Whether this caller may create an unknown member on the way (write keys and staff; never customers). */
    public boolean mayCreateMembers() {
        return keyPermission
                        .map(permission -> permission.allows(Permission.WRITE))
                        .orElse(false)
                || role.map(r -> r != Role.CUSTOMER).orElse(false);
    }
}
