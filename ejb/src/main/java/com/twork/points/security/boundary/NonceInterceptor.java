package com.twork.points.security.boundary;

import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.AccountRepository;
import com.twork.points.security.control.AuthFailures;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.LoginSessions;
import com.twork.points.security.control.Nonces;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.security.entity.Account;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies a session cookie and its {@code X-WP-Nonce} (SPEC §4): a cookie without a nonce counts as no
 * authentication (401); a wrong or expired nonce is 403 {@code rest_invalid_nonce}; an unknown, idle or
 * disabled session is 401.
 */
@Interceptor
@RequiresPermission
@Priority(Interceptor.Priority.APPLICATION + 20)
public class NonceInterceptor {
    @Inject
    CallerContext context;

    @Inject
    LoginSessions sessions;

    @Inject
    AccountRepository accounts;

    @Inject
    Nonces nonces;

    @Inject
    AuthFailures failures;

    @Inject
    AppClock clock;

    @AroundInvoke
    public Object authenticate(InvocationContext invocation) throws Exception {
        if (context.caller().isEmpty() && context.presented() instanceof PresentedCredentials.Session session) {
            context.authenticated(verify(session));
        }
        return invocation.proceed();
    }

    private AuthenticatedCaller verify(PresentedCredentials.Session presented) {
        Instant now = clock.now();
        if (presented.nonce().isEmpty()) {
            throw failures.failed(
                    context.clientAddress(), "session without nonce", new InvalidCredentialsException("no nonce"));
        }
        LoginSessions.LiveSession session =
                sessions.find(presented.token(), now).orElse(null);
        Optional<Account> account = session == null ? Optional.empty() : accounts.find(session.accountId());
        if (account.isEmpty() || !account.get().isEnabled()) {
            throw failures.failed(
                    context.clientAddress(),
                    "unknown, idle or disabled session",
                    new InvalidCredentialsException("no live session"));
        }
        if (!nonces.verify(presented.nonce().get(), session.accountId(), session.id(), now)) {
            throw failures.failed(context.clientAddress(), "bad nonce", new InvalidNonceException());
        }
        sessions.touch(session.id(), now);
        Account verified = account.get();
        return AuthenticatedCaller.account(verified.id(), verified.role(), verified.memberUserId(), session.id());
    }
}
