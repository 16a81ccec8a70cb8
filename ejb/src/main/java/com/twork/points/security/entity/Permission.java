package com.twork.points.security.entity;

import java.util.Optional;

/** WooCommerce's key permissions: GET needs read, POST and PUT need write. */
public enum Permission {
    READ("read"),
    WRITE("write"),
    READ_WRITE("read_write");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Whether a key holding this permission may do what {@code required} (READ or WRITE) asks. */
    public boolean allows(Permission required) {
        return this == READ_WRITE || this == required;
    }

    public static Optional<Permission> fromWire(String value) {
        for (Permission permission : values()) {
            if (permission.wire.equals(value)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
