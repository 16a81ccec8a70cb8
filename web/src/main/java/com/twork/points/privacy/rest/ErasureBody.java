package com.twork.points.privacy.rest;

import java.util.Map;

/**
 * The answer of {@code POST /members/{user_id}/erase}: {@code already_erased} true when an earlier erasure did it
 * (nothing more was done and {@code audit_id} is null), else the audit row of this erasure and how many stored
 * values it removed or replaced, per store.
 */
public record ErasureBody(
        boolean success,
        long userId,
        String status,
        boolean alreadyErased,
        Long auditId,
        Map<String, Integer> removed) {}
