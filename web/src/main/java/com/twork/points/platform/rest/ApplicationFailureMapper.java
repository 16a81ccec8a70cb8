package com.twork.points.platform.rest;

import com.twork.points.ledger.boundary.AdjustmentRefusedException;
import com.twork.points.ledger.boundary.AlreadyAwardedException;
import com.twork.points.ledger.boundary.AlreadyReferredException;
import com.twork.points.ledger.boundary.DuplicateTransactionException;
import com.twork.points.ledger.boundary.InsufficientPointsException;
import com.twork.points.ledger.boundary.InvalidReferralException;
import com.twork.points.ledger.boundary.NotBirthdayException;
import com.twork.points.ledger.boundary.RedemptionLimitException;
import com.twork.points.member.boundary.MemberErasedException;
import com.twork.points.member.boundary.MemberInactiveException;
import com.twork.points.member.boundary.MemberNotFoundException;
import com.twork.points.order.boundary.InvalidSignatureException;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.boundary.TemporarilyUnavailableException;
import com.twork.points.rule.boundary.RuleEndedException;
import com.twork.points.rule.boundary.RuleNotFoundException;
import com.twork.points.security.boundary.ForbiddenUserException;
import com.twork.points.security.boundary.InvalidCredentialsException;
import com.twork.points.security.boundary.InvalidLoginException;
import com.twork.points.security.boundary.InvalidNonceException;
import com.twork.points.security.boundary.PermissionDeniedException;
import com.twork.points.security.boundary.TooManyRequestsException;
import com.twork.points.sync.boundary.BatchTooLargeException;
import com.twork.points.sync.boundary.ItemFailedException;
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

    private static final Map<Class<? extends ApplicationFailure>, WireError> ERRORS = Map.ofEntries(
            Map.entry(InvalidCredentialsException.class, new WireError(401, "rest_forbidden")),
            Map.entry(PermissionDeniedException.class, new WireError(403, "rest_forbidden_permission")),
            Map.entry(MemberNotFoundException.class, new WireError(404, "rest_invalid_user")),
            Map.entry(MemberInactiveException.class, new WireError(403, "rest_user_inactive")),
            Map.entry(MemberErasedException.class, new WireError(403, "rest_user_erased")),
            Map.entry(DuplicateTransactionException.class, new WireError(409, "duplicate_transaction")),
            Map.entry(InsufficientPointsException.class, new WireError(400, "insufficient_points")),
            Map.entry(RedemptionLimitException.class, new WireError(400, "redemption_limit")),
            Map.entry(InvalidReferralException.class, new WireError(400, "invalid_referral")),
            Map.entry(AlreadyReferredException.class, new WireError(400, "already_referred")),
            Map.entry(AlreadyAwardedException.class, new WireError(400, "already_awarded")),
            Map.entry(NotBirthdayException.class, new WireError(400, "not_birthday")),
            Map.entry(TemporarilyUnavailableException.class, new WireError(503, "service_unavailable")),
            Map.entry(BatchTooLargeException.class, new WireError(400, "batch_too_large")),
            Map.entry(InvalidNonceException.class, new WireError(403, "rest_invalid_nonce")),
            Map.entry(ForbiddenUserException.class, new WireError(403, "rest_forbidden_user")),
            Map.entry(InvalidLoginException.class, new WireError(401, "invalid_login")),
            Map.entry(TooManyRequestsException.class, new WireError(429, "rest_too_many_requests")),
            Map.entry(AdjustmentRefusedException.class, new WireError(400, "adjustment_refused")),
            Map.entry(InvalidSignatureException.class, new WireError(401, "invalid_signature")),
            Map.entry(ItemFailedException.class, new WireError(500, "internal_error")),
            Map.entry(RuleNotFoundException.class, new WireError(404, "rule_not_found")),
            Map.entry(RuleEndedException.class, new WireError(409, "rule_ended")));

    /** The wire code of a failure, also used for the per-item results of a batch. */
    public static String codeOf(ApplicationFailure failure) {
        return wireError(failure).code();
    }

    @Override
    public Response toResponse(ApplicationFailure failure) {
        WireError error = wireError(failure);
        Response response = ErrorResponses.of(error.status(), error.code(), failure.getMessage(), failure.details());
        if (failure instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(response)
                    .header("Retry-After", Long.toString(tooMany.retryAfterSeconds()))
                    .build();
        }
        if (error.status() == 503) {
            return Response.fromResponse(response).header("Retry-After", "1").build();
        }
        return response;
    }

    private static WireError wireError(ApplicationFailure failure) {
        return failure instanceof InvalidInputException input
                ? new WireError(400, input.code())
                : errorFor(failure.getClass());
    }

    private static WireError errorFor(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            WireError error = ERRORS.get(candidate);
            if (error != null) {
                return error;
            }
        }
        // A failure class nobody mapped yet: still the envelope, never the container's page.
        return new WireError(500, "internal_error");
    }
}
