package com.twork.points.ledger.entity;

import java.util.Optional;

/**
 * The plugin's seven transaction types, exactly as on the wire. Credits are lots; {@code redeem} and
 * {@code expire} are debits shown with positive points; {@code adjust} carries its own sign.
 */
public enum TransactionType {
    EARN("earn", Direction.CREDIT),
    REFERRAL("referral", Direction.CREDIT),
    BIRTHDAY("birthday", Direction.CREDIT),
    REFUND("refund", Direction.CREDIT),
    ADJUST("adjust", Direction.SIGNED),
    REDEEM("redeem", Direction.DEBIT),
    EXPIRE("expire", Direction.DEBIT);

    enum Direction {
        CREDIT,
        DEBIT,
        SIGNED
    }

    private final String wire;
    private final Direction direction;

    TransactionType(String wire, Direction direction) {
        this.wire = wire;
        this.direction = direction;
    }

    public String wire() {
        return wire;
    }

    /** The change to the balance a row of this type with the given displayed points makes. */
    public long balanceDelta(int points) {
        return switch (direction) {
            case CREDIT -> points;
            case DEBIT -> -(long) points;
            case SIGNED -> points;
        };
    }

    public static Optional<TransactionType> fromWire(String value) {
        for (TransactionType type : values()) {
            if (type.wire.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
