package com.twork.points.sync.boundary;

import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.security.boundary.MemberTarget;
import java.util.List;
import java.util.Optional;

/** A {@code /sync} request: the member, its items, and what is wrong with the batch as a whole, if anything. */
public record SyncBatch(long userId, List<SyncItem> items, Optional<InvalidInputException> problem)
        implements MemberTarget {}
