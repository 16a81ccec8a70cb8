package com.twork.points.member.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link MemberStatus} as its lower-case wire name. */
@Converter(autoApply = true)
public class MemberStatusConverter implements AttributeConverter<MemberStatus, String> {
    @Override
    public String convertToDatabaseColumn(MemberStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public MemberStatus convertToEntityAttribute(String value) {
        return value == null ? null : MemberStatus.fromWire(value);
    }
}
