package com.twork.points.security.boundary;

import com.twork.points.security.control.AuthFailures;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Last security step: decides whether the verified caller may run this use case, by the table of SPEC §4.
 * No verified caller at all is 401; a caller without the right is 403 ({@code rest_forbidden_user} when a
 * customer aims at another member).
 */
@Interceptor
@RequiresPermission
@Priority(Interceptor.Priority.APPLICATION + 30)
public class AccessInterceptor {
    @Inject
    CallerContext context;

    @Inject
    AuthFailures failures;

    @AroundInvoke
    public Object authorise(InvocationContext invocation) throws Exception {
        RequiresPermission rule = rule(invocation.getMethod());
        AuthenticatedCaller caller = context.caller().orElse(null);
        if (caller == null) {
            throw failures.failed(
                    context.clientAddress(), "missing credentials", new InvalidCredentialsException("missing"));
        }
        if (caller.isKey()) {
            if (!rule.keys() || !caller.keyPermission().orElseThrow().allows(rule.value())) {
                throw new PermissionDeniedException();
            }
        } else {
            authoriseAccount(rule, caller, invocation.getParameters());
        }
        return invocation.proceed();
    }

    private static void authoriseAccount(RequiresPermission rule, AuthenticatedCaller caller, Object[] parameters) {
        Role role = caller.role().orElseThrow();
        if (role != Role.CUSTOMER) {
            if (!role.covers(rule.staff())) {
                throw new PermissionDeniedException();
            }
            return;
        }
        switch (rule.customers()) {
            case NONE -> throw new PermissionDeniedException();
            case ANY -> {
                // acting on itself
            }
            case OWN_MEMBER -> {
                Optional<Long> target = targetMember(parameters);
                if (target.isEmpty() || !target.equals(caller.memberUserId())) {
                    throw new ForbiddenUserException();
                }
            }
        }
    }

    /** The first argument: a user id, or a command aimed at one member. */
    static Optional<Long> targetMember(Object[] parameters) {
        if (parameters.length == 0) {
            return Optional.empty();
        }
        Object first = parameters[0];
        if (first instanceof Long userId) {
            return Optional.of(userId);
        }
        if (first instanceof MemberTarget command) {
            return Optional.of(command.userId());
        }
        return Optional.empty();
    }

    private static RequiresPermission rule(Method method) {
        RequiresPermission onMethod = method.getAnnotation(RequiresPermission.class);
        if (onMethod != null) {
            return onMethod;
        }
        RequiresPermission onType = method.getDeclaringClass().getAnnotation(RequiresPermission.class);
        if (onType == null) {
            throw new IllegalStateException("No @RequiresPermission on " + method);
        }
        return onType;
    }
}
