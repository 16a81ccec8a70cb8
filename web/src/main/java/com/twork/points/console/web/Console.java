package com.twork.points.console.web;

import com.twork.points.ops.boundary.FailureAlertService;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.security.boundary.PermissionDeniedException;
import com.twork.points.security.boundary.TooManyRequestsException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What every console page needs: the staff member, the CSRF token for its forms, the failure alert, the notice
 * after a redirect, messages, and the redirect after a successful POST. Notices travel as a fixed code in the URL
 * ({@code ?done=adjusted}), never as text a link could forge, and need no HTTP session.
 */
@Named
@RequestScoped
public class Console {
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("adjusted", "Points adjusted."),
            Map.entry("voided", "Transaction voided."),
            Map.entry("member", "Member saved."),
            Map.entry("settings", "Settings saved."),
            Map.entry("tiers", "Tiers saved."),
            Map.entry("revoked", "API key revoked."),
            Map.entry("registered", "API key registered."),
            Map.entry("created", "API key created."),
            Map.entry("account", "Account created."),
            Map.entry("enabled", "Account enabled."),
            Map.entry("disabled", "Account disabled."),
            Map.entry("reset", "Password reset; the account's sessions were closed."),
            Map.entry("password", "Your password was changed."),
            Map.entry("reprocessed", "Order re-processed."),
            Map.entry("expiry", "Expiry ran."),
            Map.entry("reconciled", "Balances reconciled."),
            Map.entry("reconciled-partly", "Balances reconciled in part: some need an adjustment."),
            Map.entry("dismissed", "Alert dismissed."),
            Map.entry("secret", "Webhook secret saved."),
            Map.entry("rule-created", "Rule created."),
            Map.entry("rule-edited", "Rule saved as a new version."),
            Map.entry("rule-paused", "Rule paused."),
            Map.entry("rule-resumed", "Rule active again."),
            Map.entry("rule-ended", "Rule ended."));

    @Inject
    FailureAlertService alerts;

    private Optional<String> alert;

    public StaffSession getStaff() {
        return (StaffSession) request().getAttribute(ConsoleFilter.STAFF);
    }

    public boolean isAdmin() {
        StaffSession staff = getStaff();
        return staff != null && staff.isAdmin();
    }

    /** The token every POST form carries in its {@code _csrf} field. */
    public String getCsrf() {
        StaffSession staff = getStaff();
        return staff != null ? staff.csrf() : (String) request().getAttribute(ConsoleFilter.LOGIN_CSRF);
    }

    /** "Point sync has failed N times in the last hour. Last error: ...", or null. */
    public String getAlert() {
        if (alert == null) {
            alert = getStaff() == null ? Optional.empty() : alerts.current();
        }
        return alert.orElse(null);
    }

    /** The success message of the action that redirected here, or null. */
    public String getNotice() {
        String done = request().getParameter("done");
        return done == null ? null : NOTICES.get(done);
    }

    /** The current page's file name, for marking the navigation link. */
    public String getPage() {
        String path = request().getServletPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String param(String name) {
        String value = request().getParameter(name);
        return value == null ? "" : value.trim();
    }

    /** A request parameter as sent (not trimmed), or empty when the request did not carry it at all. */
    public Optional<String> sentParam(String name) {
        return Optional.ofNullable(request().getParameter(name));
    }

    public Optional<Long> longParam(String name) {
        String value = param(name);
        return value.matches("\\d{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    public int pageParam() {
        String value = param("page");
        return value.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(value)) : 1;
    }

    /** The rows-per-page choices every list offers. */
    public static final java.util.List<Integer> PER_PAGE_CHOICES = java.util.List.of(10, 25, 50, 100);

    /** The rows per page asked for ({@code per}), one of {@link #PER_PAGE_CHOICES}, else the list's default. */
    public int perPage(int fallback) {
        String value = param("per");
        return value.matches("\\d{1,3}") && PER_PAGE_CHOICES.contains(Integer.parseInt(value))
                ? Integer.parseInt(value)
                : fallback;
    }

    public java.util.List<Integer> getPerPageChoices() {
        return PER_PAGE_CHOICES;
    }

    /** Redirect after a successful POST, with the notice code (if any) and the given query (already encoded). */
    public void redirect(String page, String done, String query) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        StringBuilder url = new StringBuilder(external.getRequestContextPath())
                .append("/admin/")
                .append(page);
        char separator = '?';
        if (done != null) {
            url.append("?done=").append(URLEncoder.encode(done, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (query != null && !query.isEmpty()) {
            url.append(separator).append(query);
        }
        try {
            external.redirect(url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Answers the page being rendered with 404: what it was asked to show does not exist. */
    public void notFound() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    /** A message for one field ({@code form:field} client id), shown next to it. */
    public void fieldError(String clientId, String message) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A message for the whole page. */
    public void error(String message) {
        fieldError(null, message);
    }

    public void info(String message) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
    }

    /**
     * Shows why a service refused: per-field messages (the {@code params} of a validation failure) next to their
     * fields in {@code formId}, anything else as a page message in words a person can act on.
     */
    public void refused(ApplicationFailure failure, String formId) {
        if (failure instanceof InvalidInputException invalid
                && invalid.details().get("params") instanceof Map<?, ?> params
                && !params.isEmpty()) {
            params.forEach((field, message) ->
                    fieldError(formId + ":" + field.toString().replace('.', '_'), String.valueOf(message)));
            return;
        }
        if (failure instanceof PermissionDeniedException) {
            error("Your role may not do this.");
        } else if (failure instanceof TooManyRequestsException) {
            error("Too many attempts. Wait a few minutes and try again.");
        } else {
            error(failure.getMessage());
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
