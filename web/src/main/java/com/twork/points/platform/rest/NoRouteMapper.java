package com.twork.points.platform.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown route, or a known path with the wrong method: WordPress answers both with 404 rest_no_route. */
public final class NoRouteMapper {
    private NoRouteMapper() {}

    @Provider
    public static class UnknownPath implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return ErrorResponses.noRoute();
        }
    }

    @Provider
    public static class WrongMethod implements ExceptionMapper<NotAllowedException> {
        @Override
        public Response toResponse(NotAllowedException e) {
            return ErrorResponses.noRoute();
        }
    }
}
