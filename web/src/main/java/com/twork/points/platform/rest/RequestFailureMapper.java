package com.twork.points.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers HTTP-layer rejections (413, 415, bad JSON, bad query parameters) in the envelope. */
@Provider
public class RequestFailureMapper implements ExceptionMapper<RequestFailure> {
    @Override
    public Response toResponse(RequestFailure failure) {
        Response response = ErrorResponses.of(failure.status(), failure.code(), failure.getMessage(), failure.extra());
        if (failure.status() == 413) {
            // The rest of the body was never read: end the connection rather than leave it unreadable.
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }
}
