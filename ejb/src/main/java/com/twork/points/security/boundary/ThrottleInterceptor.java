package com.twork.points.security.boundary;

import com.twork.points.security.control.AuthFailures;
import com.twork.points.security.control.CallerContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** First of the security interceptors: a client with too many recent auth failures gets 429, nothing else. */
@Interceptor
@RequiresPermission
@Priority(Interceptor.Priority.APPLICATION)
public class ThrottleInterceptor {
    @Inject
    CallerContext context;

    @Inject
    AuthFailures failures;

    @AroundInvoke
    public Object refuseOverLimit(InvocationContext invocation) throws Exception {
        if (context.caller().isEmpty()) {
            failures.refuseIfOverLimit(context.clientAddress());
        }
        return invocation.proceed();
    }
}
