package com.twork.points.console.web;

import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.security.boundary.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code password.xhtml}: change one's own password (the current one is required; other sessions close). */
@Named
@RequestScoped
public class PasswordPage {
    @Inject
    AccountService accounts;

    @Inject
    Console console;

    private String current;
    private String fresh;
    private String repeated;

    public void submit() {
        if (fresh == null || !fresh.equals(repeated)) {
            console.fieldError("password:repeated", "The two new passwords differ.");
            return;
        }
        try {
            accounts.changeOwnPassword(current, fresh);
            console.redirect("password.xhtml", "password", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "password");
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getFresh() {
        return fresh;
    }

    public void setFresh(String fresh) {
        this.fresh = fresh;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
