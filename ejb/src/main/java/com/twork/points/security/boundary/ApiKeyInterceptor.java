package com.twork.points.security.boundary;

import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.ApiKeyRepository;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.security.entity.ApiKey;
import com.twork.points.security.entity.Permission;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Verifies the API key the request presented and the permission the use case requires, before the use case
 * runs. Sits on the service boundary, so the resources can first reject malformed input (SPEC §3.0 order:
 * body, JSON and query checks come before authentication).
 */
@Interceptor
@RequiresPermission
@Priority(Interceptor.Priority.APPLICATION)
public class ApiKeyInterceptor {
    @Inject
    CallerContext context;

    @Inject
    ApiKeyRepository keys;

    @Inject
    AppClock clock;

    @AroundInvoke
    public Object authenticate(InvocationContext invocation) throws Exception {
        Permission required = requiredPermission(invocation.getMethod());
        ApiKey key = verify(context.presented());
        if (!key.permissions().allows(required)) {
            throw new PermissionDeniedException();
        }
        if (key.lastAccess()
                .map(last -> last.isBefore(clock.now().minusSeconds(60)))
                .orElse(true)) {
            keys.recordAccess(key.id(), clock.now());
        }
        context.authenticated(new AuthenticatedCaller("key:" + key.id(), key.permissions()));
        return invocation.proceed();
    }

    private ApiKey verify(PresentedCredentials presented) {
        if (presented instanceof PresentedCredentials.ApiKeyPair pair) {
            ApiKey key = keys.findByConsumerKey(pair.consumerKey())
                    .orElseThrow(() -> new InvalidCredentialsException("unknown_key"));
            if (!KeyHashing.secretMatches(pair.consumerSecret(), key.consumerSecretHash())) {
                throw new InvalidCredentialsException("wrong_secret");
            }
            if (key.isRevoked()) {
                throw new InvalidCredentialsException("revoked_key");
            }
            return key;
        }
        if (presented instanceof PresentedCredentials.Malformed) {
            throw new InvalidCredentialsException("malformed");
        }
        throw new InvalidCredentialsException("missing");
    }

    private static Permission requiredPermission(Method method) {
        RequiresPermission onMethod = method.getAnnotation(RequiresPermission.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresPermission onType = method.getDeclaringClass().getAnnotation(RequiresPermission.class);
        // A binding found neither on the method nor on its class would be a wiring fault: demand the most.
        return onType == null ? Permission.READ_WRITE : onType.value();
    }
}
