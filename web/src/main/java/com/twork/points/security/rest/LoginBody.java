package com.twork.points.security.rest;

import java.util.List;

/** {@code POST /auth/login}: the member (customers; null for staff), roles and a first nonce. */
public record LoginBody(Long userId, long accountId, String login, List<String> roles, String nonce) {}
