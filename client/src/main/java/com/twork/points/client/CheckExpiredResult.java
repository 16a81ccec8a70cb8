package com.twork.points.client;

import java.util.OptionalLong;

/**
 * {@code POST /check-expired/{user_id}}. {@code success} is false only for the plugin's polite refusal of user 0,
 * which carries no balance.
 */
public record CheckExpiredResult(
        boolean success, int expiredCount, long expiredPoints, OptionalLong newBalance, String message) {}
