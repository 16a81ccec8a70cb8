package com.twork.points.ledger.boundary;

import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.security.boundary.MemberTarget;
import java.math.BigDecimal;
import java.util.Optional;

/** A redemption a client asks for ({@code POST /redeem}); see {@link EarnCommand} for userId and problem. */
public record RedeemCommand(
        long userId,
        int points,
        String description,
        Optional<String> orderId,
        Optional<BigDecimal> orderTotal,
        Optional<InvalidInputException> problem)
        implements MemberTarget {
    public static final String DEFAULT_DESCRIPTION = "Points redeemed";
}
