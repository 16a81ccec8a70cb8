package com.twork.points.console.web;

import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.AccountRepository;
import com.twork.points.security.control.LoginSessions;
import com.twork.points.security.control.Nonces;
import com.twork.points.security.entity.Account;
import com.twork.points.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the staff member behind a console cookie: a live session (database, so every instance agrees) of an
 * enabled ADMIN or MANAGER account. Customers' accounts never reach the console.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ConsoleSessions {
    @Inject
    LoginSessions sessions;

    @Inject
    AccountRepository accounts;

    @Inject
    Nonces nonces;

    @Inject
    AppClock clock;

    public Optional<StaffSession> find(String token) {
        Instant now = clock.now();
        LoginSessions.LiveSession session = sessions.find(token, now).orElse(null);
        if (session == null) {
            return Optional.empty();
        }
        return accounts.find(session.accountId())
                .filter(Account::isEnabled)
                .filter(account -> account.role() != Role.CUSTOMER)
                .map(account -> new StaffSession(
                        account.id(),
                        account.login(),
                        account.role(),
                        session.id(),
                        token,
                        nonces.issue(account.id(), session.id(), now)));
    }

    /** Ends a session (a customer's, opened by the password check, that the console will not use). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void close(String token) {
        sessions.close(token);
    }

    /** Whether a form's CSRF token was made for this session (this 12-hour tick or the one before). */
    public boolean csrfMatches(StaffSession staff, String presented) {
        return presented != null
                && !presented.isBlank()
                && nonces.verify(presented, staff.accountId(), staff.sessionId(), clock.now());
    }
}
