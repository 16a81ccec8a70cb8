package com.twork.points.ledger.boundary;

import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.ClientDateTime;
import com.twork.points.security.boundary.MemberTarget;
import java.util.Optional;

/**
 * A credit a client asks for ({@code POST /earn}). {@code userId} is 0 when the request had no usable one;
 * {@code problem} is the first thing wrong with the other fields, reported only after the member check (the
 * fixed order of SPEC §3.0).
 */
public record EarnCommand(
        long userId,
        TransactionType type,
        int points,
        Optional<String> description,
        Optional<String> orderId,
        Optional<ClientDateTime> expiresAt,
        Optional<Long> referredUserId,
        Optional<InvalidInputException> problem)
        implements MemberTarget {}
