package com.twork.points.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** Any other HTTP error the JAX-RS runtime raises (406, 415 from content negotiation...) in the envelope. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404 || status == 405) {
            return ErrorResponses.noRoute();
        }
        if (status == 415) {
            RequestFailure failure = RequestFailure.unsupportedMediaType();
            return ErrorResponses.of(415, failure.code(), failure.getMessage());
        }
        if (status >= 500) {
            return ErrorResponses.of(status, "internal_error", "The server could not complete the request.");
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String code = "rest_" + type.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ErrorResponses.of(status, code, type.getReasonPhrase() + ".");
    }
}
