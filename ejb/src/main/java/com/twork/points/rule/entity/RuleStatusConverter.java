package com.twork.points.rule.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores a rule's status in lower case, as the table's check constraint says. */
@Converter(autoApply = true)
public class RuleStatusConverter implements AttributeConverter<RuleStatus, String> {
    @Override
    public String convertToDatabaseColumn(RuleStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public RuleStatus convertToEntityAttribute(String value) {
        return value == null ? null : RuleStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
