package com.twork.points.platform.boundary;

import java.util.Map;

/**
 * A request field the route cannot accept. Carries the route's own 400 code (e.g. {@code invalid_params},
 * {@code invalid_type}, {@code invalid_date}), because those codes differ from route to route in the plugin's
 * contract.
 */
public class InvalidInputException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Map<String, Object> details;

    public InvalidInputException(String code, String message) {
        this(code, message, Map.of());
    }

    /** With extra envelope data, e.g. {@code params}: each bad field and what is wrong with it. */
    public InvalidInputException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }
}
