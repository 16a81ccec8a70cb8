package com.twork.points.security.rest;

import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.rest.CredentialsFilter;
import com.twork.points.platform.rest.ErrorResponses;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.platform.rest.SessionCookies;
import com.twork.points.security.boundary.AccountService;
import com.twork.points.security.boundary.LoginResult;
import com.twork.points.security.control.ClientAddresses;
import com.twork.points.setting.boundary.SettingsService;
import com.twork.points.setting.control.SettingKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Browser sessions (SPEC §4): log in, get a nonce, log out. */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("auth")
@Produces(PointsApi.JSON)
public class AuthResource {
    @Inject
    AccountService accounts;

    @Inject
    HttpServletRequest servletRequest;

    @Inject
    SettingsService settings;

    @POST
    @Path("login")
    public Response login() {
        JsonBody body = JsonBody.of(servletRequest);
        String login = body.text("login", 100).value().orElse("");
        String password = body.text("password", 200).value().orElse("");
        if (login.isBlank() || password.isEmpty()) {
            throw new InvalidInputException("invalid_params", "login and password are required");
        }
        LoginResult result = accounts.login(login.trim(), password);
        return Response.ok(new LoginBody(
                        result.memberUserId().orElse(null),
                        result.accountId(),
                        result.login(),
                        List.of(result.role().name()),
                        result.nonce()))
                .cookie(SessionCookies.issue(result.sessionToken(), secure()))
                .header(CredentialsFilter.NONCE_HEADER, result.nonce())
                .build();
    }

    @GET
    @Path("nonce")
    public Response nonce(@Context HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(SessionCookies.NAME);
        return (cookie == null ? Optional.<String>empty() : accounts.nonceFor(cookie.getValue()))
                .map(nonce -> Response.ok(new NonceBody(nonce))
                        .header(CredentialsFilter.NONCE_HEADER, nonce)
                        .build())
                .orElseGet(() -> ErrorResponses.of(401, "rest_forbidden", "Invalid credentials"));
    }

    @GET
    @Path("whoami")
    public Map<String, String> whoAmI() {
        return Map.of("actor", accounts.whoAmI());
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(SessionCookies.NAME);
        accounts.logout(cookie == null ? "" : cookie.getValue());
        return Response.ok(Map.of("success", true))
                .cookie(SessionCookies.expire(secure()))
                .build();
    }

    private boolean secure() {
        boolean trustedPeer = ClientAddresses.isTrusted(
                servletRequest.getRemoteAddr(), settings.current().raw(SettingKey.TRUSTED_PROXIES));
        return SessionCookies.overHttps(
                servletRequest.getHeader("X-Forwarded-Proto"), servletRequest.isSecure(), trustedPeer);
    }
}
