package com.twork.points.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Base of every failure a caller is told about (unknown member, bad credentials, insufficient points...).
 * Unchecked and rollback-marked, so a use case that throws it writes nothing; the web module maps each
 * subclass to its wire code in one place.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ApplicationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ApplicationFailure(String message) {
        super(message, null, false, false);
    }

    /** Extra fields for the error envelope's {@code data} object, besides {@code status}. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
