package com.twork.points.security.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Permission} by its WooCommerce name. */
@Converter(autoApply = true)
public class PermissionConverter implements AttributeConverter<Permission, String> {
    @Override
    public String convertToDatabaseColumn(Permission permission) {
        return permission == null ? null : permission.wire();
    }

    @Override
    public Permission convertToEntityAttribute(String value) {
        return value == null
                ? null
                : Permission.fromWire(value)
                        .orElseThrow(() -> new IllegalStateException("Unknown key permission: " + value));
    }
}
