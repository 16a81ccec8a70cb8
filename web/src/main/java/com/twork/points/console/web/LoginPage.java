package com.twork.points.console.web;

import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.security.boundary.AccountService;
import com.twork.points.security.boundary.InvalidLoginException;
import com.twork.points.security.boundary.LoginResult;
import com.twork.points.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code login.xhtml}: staff sign in; a new session token each time, in an HttpOnly cookie for /admin only. */
@Named
@RequestScoped
public class LoginPage {
    @Inject
    AccountService accounts;

    @Inject
    ConsoleSessions sessions;

    @Inject
    Console console;

    private String login;
    private String password;

    public void submit() {
        try {
            LoginResult result = accounts.login(login == null ? "" : login.trim(), password == null ? "" : password);
            if (result.role() == Role.CUSTOMER) {
                sessions.close(result.sessionToken());
                console.error("This account cannot use the console.");
                return;
            }
            FacesContext faces = FacesContext.getCurrentInstance();
            HttpServletRequest request =
                    (HttpServletRequest) faces.getExternalContext().getRequest();
            HttpServletResponse response =
                    (HttpServletResponse) faces.getExternalContext().getResponse();
            ConsoleCookies.write(request, response, ConsoleCookies.SESSION, result.sessionToken());
            ConsoleCookies.clear(request, response, ConsoleCookies.LOGIN_CSRF);
            console.redirect("", null, null);
        } catch (InvalidLoginException e) {
            console.error("Wrong login or password.");
        } catch (ApplicationFailure e) {
            console.refused(e, "login");
        }
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
}
