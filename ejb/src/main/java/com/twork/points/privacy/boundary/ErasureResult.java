package com.twork.points.privacy.boundary;

import java.util.Map;
import java.util.Optional;

/**
 * What an erasure did: {@code alreadyErased} when the member had been erased before (nothing more was done, no new
 * audit row); else the id of its audit row and how many values it removed or replaced per store.
 */
public record ErasureResult(long userId, boolean alreadyErased, Optional<Long> auditId, Map<String, Integer> removed) {}
