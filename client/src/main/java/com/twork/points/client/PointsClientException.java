package com.twork.points.client;

/**
 * Base of everything the client throws when a call did not succeed: the server answered an error
 * ({@link PointsApiException} and its subclasses), could not be reached ({@link PointsUnreachableException}), or
 * answered something that is not the API's ({@link PointsProtocolException}). Unchecked, like the JDK's own.
 */
public abstract class PointsClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PointsClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
