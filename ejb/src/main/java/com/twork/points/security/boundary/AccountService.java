package com.twork.points.security.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.member.boundary.MemberErasedException;
import com.twork.points.member.control.MemberRepository;
import com.twork.points.member.entity.Member;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.control.AccountRepository;
import com.twork.points.security.control.AuthFailures;
import com.twork.points.security.control.AuthenticatedCaller;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.LoginSessions;
import com.twork.points.security.control.Nonces;
import com.twork.points.security.control.PasswordHashing;
import com.twork.points.security.control.PresentedCredentials;
import com.twork.points.security.control.Throttle;
import com.twork.points.security.entity.Account;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Logins, sessions and accounts (SPEC §4). Login is open to anyone but throttled per client and per account;
 * everything else needs a verified session or an admin.
 */
@Stateless
public class AccountService {
    static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");

    @Inject
    AccountRepository accounts;

    @Inject
    LoginSessions sessions;

    @Inject
    Nonces nonces;

    @Inject
    Throttle throttle;

    @Inject
    AuthFailures failures;

    @Inject
    CallerContext caller;

    @Inject
    MemberRepository members;

    @Inject
    SettingsCache settings;

    @Inject
    AuditTrail audit;

    @Inject
    AppClock clock;

    /**
     * Checks login and password and opens a new session (a new token every time, so a session id planted before
     * login is worthless). A cookie the request already carried is closed.
     */
    public LoginResult login(String login, String password) {
        Instant now = clock.now();
        String client = caller.clientAddress();
        String bucket = "login:" + login.toLowerCase(Locale.ROOT);
        int limit = settings.current().integer(SettingKey.LOGIN_ATTEMPT_LIMIT);
        if (throttle.hits(bucket, now, LOGIN_WINDOW) >= limit) {
            throw new TooManyRequestsException(
                    throttle.window(now, LOGIN_WINDOW).secondsLeft(now));
        }
        Optional<Account> found = accounts.findByLogin(login);
        boolean valid = found.isPresent()
                ? PasswordHashing.matches(password, found.get().passwordHash())
                : burn(password);
        if (!valid || !found.get().isEnabled()) {
            throttle.hit(bucket, now, LOGIN_WINDOW);
            throw failures.failed(client, "login failed", new InvalidLoginException());
        }
        if (caller.presented() instanceof PresentedCredentials.Session old) {
            sessions.close(old.token());
        }
        Account account = found.get();
        account.loggedIn(now);
        LoginSessions.NewSession session = sessions.open(account.id(), client, now);
        return new LoginResult(
                account.id(),
                account.login(),
                account.role(),
                account.memberUserId(),
                session.token(),
                nonces.issue(account.id(), session.id(), now));
    }

    /** A fresh nonce for the session behind this cookie (no nonce needed to ask: that is how one gets one). */
    public Optional<String> nonceFor(String sessionToken) {
        Instant now = clock.now();
        return sessions.find(sessionToken, now)
                .filter(session -> accounts.find(session.accountId())
                        .map(Account::isEnabled)
                        .orElse(false))
                .map(session -> nonces.issue(session.accountId(), session.id(), now));
    }

    /** A fresh nonce for the verified session caller of this request. */
    public Optional<String> currentNonce() {
        return caller.caller()
                .filter(verified -> verified.sessionId().isPresent())
                .map(verified -> nonces.issue(
                        verified.accountId().orElseThrow(), verified.sessionId().orElseThrow(), clock.now()));
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, customers = CustomerAccess.ANY)
    public void logout(String sessionToken) {
        sessions.close(sessionToken);
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, customers = CustomerAccess.ANY)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account account = accounts.find(
                        caller.caller().orElseThrow().accountId().orElseThrow())
                .orElseThrow(InvalidLoginException::new);
        if (!PasswordHashing.matches(currentPassword, account.passwordHash())) {
            throw failures.failed(
                    caller.clientAddress(),
                    "wrong current password",
                    new InvalidInputException("invalid_params", "The current password is not right"));
        }
        account.changePasswordHash(PasswordHashing.hash(checkedPassword(newPassword)), clock.now());
        sessions.closeAllBut(
                account.id(),
                caller.caller().flatMap(AuthenticatedCaller::sessionId).orElse(0L));
        audit.action("account.password_changed", "account " + account.id());
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public AccountView create(String login, String password, Role role, Optional<Long> memberUserId) {
        if (!LOGIN.matcher(login).matches()) {
            throw new InvalidInputException(
                    "invalid_params", "A login is 3 to 100 letters, digits or . _ @ + - characters");
        }
        if (accounts.findByLogin(login).isPresent()) {
            throw new InvalidInputException("invalid_params", "That login is taken");
        }
        if (role == Role.CUSTOMER && memberUserId.flatMap(members::find).isEmpty()) {
            throw new InvalidInputException("invalid_params", "A customer account needs an existing member");
        }
        if (role == Role.CUSTOMER
                && memberUserId.flatMap(members::find).filter(Member::isErased).isPresent()) {
            throw new MemberErasedException();
        }
        Account account = accounts.add(new Account(
                login,
                PasswordHashing.hash(checkedPassword(password)),
                role,
                role == Role.CUSTOMER ? memberUserId.orElseThrow() : null,
                clock.now()));
        audit.action("account.created", "account " + account.id() + " " + login + " " + role);
        return AccountView.of(account);
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public AccountView setEnabled(long accountId, boolean enabled) {
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new InvalidInputException("invalid_params", "No such account"));
        if (enabled
                && account.memberUserId()
                        .flatMap(members::find)
                        .filter(Member::isErased)
                        .isPresent()) {
            // An erased member is closed for good (docs/privacy.md): its customer login stays disabled.
            throw new MemberErasedException();
        }
        account.setEnabled(enabled, clock.now());
        if (!enabled) {
            sessions.closeAll(accountId);
        }
        audit.action(enabled ? "account.enabled" : "account.disabled", "account " + accountId);
        return AccountView.of(account);
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public void resetPassword(long accountId, String newPassword) {
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new InvalidInputException("invalid_params", "No such account"));
        account.changePasswordHash(PasswordHashing.hash(checkedPassword(newPassword)), clock.now());
        sessions.closeAll(accountId);
        audit.action("account.password_reset", "account " + accountId);
    }

    @RequiresPermission(value = Permission.READ, keys = false, staff = Role.ADMIN)
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < PasswordHashing.MIN_LENGTH || password.length() > 200) {
            throw new InvalidInputException(
                    "invalid_params", "A password is " + PasswordHashing.MIN_LENGTH + " to 200 characters");
        }
        return password;
    }

    private static boolean burn(String password) {
        PasswordHashing.burnDecoy(password);
        return false;
    }

    /**
     * {@code GET /auth/whoami}: who the verified caller is (its actor name, e.g. {@code key:3}). Lets a client check
     * its credentials without touching any member, and is the trivial authenticated call the benchmarks compare
     * reads with.
     */
    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.ANY)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String whoAmI() {
        return caller.caller().orElseThrow().actor();
    }
}
