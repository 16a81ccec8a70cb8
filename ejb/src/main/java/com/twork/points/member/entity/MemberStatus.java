package com.twork.points.member.entity;

/**
 * Whether a member may use points; stored lower-case as on the wire. {@code ERASED} is final: the member's personal
 * data was removed on request (docs/privacy.md) and nothing may be written for it again.
 */
public enum MemberStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    ERASED("erased");

    private final String wire;

    MemberStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MemberStatus fromWire(String value) {
        for (MemberStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown member status: " + value);
    }
}
