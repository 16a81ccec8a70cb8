package com.twork.points.client;

import java.util.Locale;

/** Inactive members are kept but cannot earn or spend. */
public enum MemberStatus {
    ACTIVE,
    INACTIVE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
