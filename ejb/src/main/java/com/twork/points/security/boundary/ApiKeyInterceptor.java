package com.twork.points.security.boundary;

import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.ApiKeyCache;
import com.twork.points.security.control.AuthFailures;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.security.control.Throttle;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies an API key the request presented (Basic header or WooCommerce query parameters): known, secret
 * right (constant-time), not revoked. Any failure is 401 with one message and counts against the client (429
 * once the client is over the limit).
 * Requests without a key pass on to the nonce check.
 */
@Interceptor
@RequiresPermission
@Priority(Interceptor.Priority.APPLICATION + 10)
public class ApiKeyInterceptor {
    @Inject
    CallerContext context;

    @Inject
    ApiKeyCache keys;

    @Inject
    AuthFailures failures;

    @Inject
    Throttle throttle;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @AroundInvoke
    public Object authenticate(InvocationContext invocation) throws Exception {
        if (context.caller().isEmpty()) {
            PresentedCredentials presented = context.presented();
            if (presented instanceof PresentedCredentials.ApiKeyPair pair) {
                ApiKeyCache.KeyGrant key = verify(pair);
                limitRate(key);
                context.authenticated(AuthenticatedCaller.key(key.id(), key.permissions()));
            } else if (presented instanceof PresentedCredentials.Malformed malformed) {
                throw fail("malformed: " + malformed.reason());
            }
        }
        return invocation.proceed();
    }

    private ApiKeyCache.KeyGrant verify(PresentedCredentials.ApiKeyPair pair) {
        ApiKeyCache.KeyGrant key = keys.find(pair.consumerKey()).orElse(null);
        if (key == null) {
            throw fail("unknown_key");
        }
        if (!KeyHashing.secretMatches(pair.consumerSecret(), key.consumerSecretHash())) {
            throw fail("wrong_secret");
        }
        if (key.revoked()) {
            throw fail("revoked_key");
        }
        Instant now = clock.now();
        if (key.lastAccess().map(last -> last.isBefore(now.minusSeconds(60))).orElse(true)) {
            keys.recordAccess(pair.consumerKey(), key, now);
        }
        return key;
    }

    /** The optional per-key rate limit ({@code key_rate_limit_per_minute}, 0 = off). */
    private void limitRate(ApiKeyCache.KeyGrant key) {
        int limit = settings.current().integer(SettingKey.KEY_RATE_LIMIT_PER_MINUTE);
        if (limit > 0) {
            Instant now = clock.now();
            Duration minute = Duration.ofMinutes(1);
            if (throttle.hit("key:" + key.id(), now, minute) > limit) {
                throw new TooManyRequestsException(throttle.window(now, minute).secondsLeft(now));
            }
        }
    }

    /** Counts the failure against the client and returns what to throw (401, or 429 when over the limit). */
    private ApplicationFailure fail(String reason) {
        return failures.failed(context.clientAddress(), reason, new InvalidCredentialsException(reason));
    }
}
