package com.twork.points.platform.rest;

import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.security.boundary.InvalidCredentialsException;
import com.twork.points.security.boundary.PermissionDeniedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The one place where business failures become wire errors: each failure class has its HTTP status and code
 * here; the message and extra data come from the failure itself.
 */
@Provider
public class ApplicationFailureMapper implements ExceptionMapper<ApplicationFailure> {
    private record WireError(int status, String code) {}

    private static final Map<Class<? extends ApplicationFailure>, WireError> ERRORS = Map.of(
            InvalidCredentialsException.class, new WireError(401, "rest_forbidden"),
            PermissionDeniedException.class, new WireError(403, "rest_forbidden_permission"),
            MemberNotFoundException.class, new WireError(404, "rest_invalid_user"),
            MemberInactiveException.class, new WireError(403, "rest_user_inactive"));

    @Override
    public Response toResponse(ApplicationFailure failure) {
        WireError error = errorFor(failure.getClass());
        Response response = ErrorResponses.of(error.status(), error.code(), failure.getMessage(), failure.details());
        if (error.status() == 401) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "Basic realm=\"T-Work Points\"")
                    .build();
        }
        return response;
    }

    private static WireError errorFor(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            WireError error = ERRORS.get(candidate);
            if (error != null) {
                return error;
            }
        }
        throw new IllegalStateException("No wire error for " + type.getName());
    }
}
