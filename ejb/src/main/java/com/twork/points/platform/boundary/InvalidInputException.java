package com.twork.points.platform.boundary;

/**
 * A request field the route cannot accept. Carries the route's own 400 code (e.g. {@code invalid_params},
 * {@code invalid_type}, {@code invalid_date}), because those codes differ from route to route in the plugin's
 * contract.
 */
public class InvalidInputException extends ApplicationFailure {
    private static final long serialVersionUID = 1L;
    private final String code;

    public InvalidInputException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
