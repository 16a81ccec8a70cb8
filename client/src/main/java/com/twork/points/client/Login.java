package com.twork.points.client;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code POST /auth/login}: who logged in ({@code userId} is the member for customers, empty for staff). The
 * session cookie and nonce stay inside the client, which uses them for every later call.
 */
public record Login(OptionalLong userId, long accountId, String login, List<String> roles) {
    public Login {
        roles = List.copyOf(roles);
    }
}
