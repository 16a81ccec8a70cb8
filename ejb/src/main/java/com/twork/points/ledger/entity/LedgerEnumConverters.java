package com.twork.points.ledger.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the ledger's enums by their lower-case wire names. */
public final class LedgerEnumConverters {
    private LedgerEnumConverters() {}

    @Converter(autoApply = true)
    public static class TypeConverter implements AttributeConverter<TransactionType, String> {
        @Override
        public String convertToDatabaseColumn(TransactionType type) {
            return type == null ? null : type.wire();
        }

        @Override
        public TransactionType convertToEntityAttribute(String value) {
            return value == null
                    ? null
                    : TransactionType.fromWire(value)
                            .orElseThrow(() -> new IllegalStateException("Unknown type in ledger: " + value));
        }
    }

    @Converter(autoApply = true)
    public static class StatusConverter implements AttributeConverter<TransactionStatus, String> {
        @Override
        public String convertToDatabaseColumn(TransactionStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public TransactionStatus convertToEntityAttribute(String value) {
            return value == null
                    ? null
                    : TransactionStatus.fromWire(value)
                            .orElseThrow(() -> new IllegalStateException("Unknown status in ledger: " + value));
        }
    }

    @Converter(autoApply = true)
    public static class SourceConverter implements AttributeConverter<TransactionSource, String> {
        @Override
        public String convertToDatabaseColumn(TransactionSource source) {
            return source == null ? null : source.wire();
        }

        @Override
        public TransactionSource convertToEntityAttribute(String value) {
            return value == null ? null : TransactionSource.fromWire(value);
        }
    }
}
