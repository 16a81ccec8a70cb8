package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.Paged;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.security.boundary.AccountService;
import com.twork.points.security.boundary.AccountView;
import com.twork.points.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** {@code accounts.xhtml} (ADMIN): staff accounts; create, enable or disable, reset a password. */
@Named
@RequestScoped
public class AccountsPage {
    static final int PER_PAGE = 50;

    @Inject
    AccountService accounts;

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private Paged<AccountView> rows;
    private String login;
    private String password;
    private String role = "MANAGER";
    private String newPassword;

    @PostConstruct
    void load() {
        rows = queries.accounts(console.pageParam(), PER_PAGE);
    }

    public void create() {
        if (!"ADMIN".equals(role) && !"MANAGER".equals(role)) {
            console.fieldError("create:role", "Pick ADMIN or MANAGER.");
            return;
        }
        try {
            accounts.create(login.trim(), password, Role.valueOf(role), Optional.empty());
            console.redirect("accounts.xhtml", "account", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "create");
        }
    }

    /** Enable or disable the account named by the row's form ({@code account}, {@code enable}). */
    public void toggle() {
        Optional<Long> id = console.longParam("account");
        if (id.isEmpty()) {
            console.error("Pick an account.");
            return;
        }
        boolean enable = "true".equals(console.param("enable"));
        if (!enable && id.get() == console.getStaff().accountId()) {
            console.error("You cannot disable your own account.");
            return;
        }
        try {
            accounts.setEnabled(id.get(), enable);
            console.redirect("accounts.xhtml", enable ? "enabled" : "disabled", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "toggle");
        }
    }

    public void reset() {
        Optional<Long> id = console.longParam("reset:account");
        if (id.isEmpty()) {
            console.error("Pick an account.");
            return;
        }
        try {
            accounts.resetPassword(id.get(), newPassword);
            console.redirect("accounts.xhtml", "reset", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "reset");
        }
    }

    public Paged<AccountView> getRows() {
        return rows;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
