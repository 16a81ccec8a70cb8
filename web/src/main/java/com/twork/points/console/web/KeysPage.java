package com.twork.points.console.web;

import com.twork.points.console.boundary.ConsoleQueries;
import com.twork.points.console.boundary.Paged;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.security.boundary.ApiKeyService;
import com.twork.points.security.boundary.ApiKeyView;
import com.twork.points.security.boundary.CreatedApiKey;
import com.twork.points.security.entity.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code keys.xhtml} (ADMIN): API keys with their last access; create one, register an existing WooCommerce pair,
 * revoke. Creating redirects like every other POST (a refresh must not make a second key); the new pair crosses
 * the redirect in a one-use cookie (HttpOnly, SameSite=Strict, path {@code /admin}, Secure over HTTPS, never in a
 * URL) that the next page view reads, shows once and clears.
 */
@Named
@RequestScoped
public class KeysPage {
    static final int PER_PAGE = 50;

    @Inject
    ApiKeyService keys;

    @Inject
    ConsoleQueries queries;

    @Inject
    Console console;

    private Paged<ApiKeyView> rows;
    static final String NEW_KEY_COOKIE = "twork_console_new_key";
    private static final String PAIR = "(ck_[0-9a-f]{40})~(cs_[0-9a-f]{40})";

    private NewKey created;
    private String description;
    private String permission = "read_write";
    private String consumerKey;
    private String consumerSecret;

    /** A pair just created, shown on the page after the redirect and never again. */
    public record NewKey(String consumerKey, String consumerSecret) {
        @Override
        public String toString() {
            return "NewKey[***]";
        }
    }

    @PostConstruct
    void load() {
        rows = queries.keys(console.pageParam(), PER_PAGE);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ConsoleCookies.read(request, NEW_KEY_COOKIE).ifPresent(pair -> {
            ConsoleCookies.clear(request, (HttpServletResponse) external.getResponse(), NEW_KEY_COOKIE);
            java.util.regex.Matcher matcher =
                    java.util.regex.Pattern.compile(PAIR).matcher(pair);
            if (matcher.matches() && "GET".equals(request.getMethod())) {
                created = new NewKey(matcher.group(1), matcher.group(2));
            }
        });
    }

    public void create() {
        Permission chosen = Permission.fromWire(permission).orElse(null);
        if (chosen == null) {
            console.fieldError("create:permission", "Pick read, write or read_write.");
            return;
        }
        try {
            CreatedApiKey made = keys.create(description.trim(), chosen);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            ConsoleCookies.write(
                    (HttpServletRequest) external.getRequest(),
                    (HttpServletResponse) external.getResponse(),
                    NEW_KEY_COOKIE,
                    made.consumerKey() + "~" + made.consumerSecret());
            console.redirect("keys.xhtml", "created", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "create");
        }
    }

    public void register() {
        Permission chosen = Permission.fromWire(permission).orElse(null);
        if (chosen == null) {
            console.fieldError("register:permission", "Pick read, write or read_write.");
            return;
        }
        try {
            keys.register(consumerKey.trim(), consumerSecret.trim(), description.trim(), chosen);
            console.redirect("keys.xhtml", "registered", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "register");
        }
    }

    public void revoke() {
        String id = console.param("key");
        if (!id.matches("\\d{1,18}")) {
            console.error("Pick a key to revoke.");
            return;
        }
        try {
            keys.revoke(Long.parseLong(id));
            console.redirect("keys.xhtml", "revoked", null);
        } catch (ApplicationFailure e) {
            console.refused(e, "revoke");
        }
    }

    public Paged<ApiKeyView> getRows() {
        return rows;
    }

    public NewKey getCreated() {
        return created;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPermission() {
        return permission;
    }

    public void setPermission(String permission) {
        this.permission = permission;
    }

    public String getConsumerKey() {
        return consumerKey;
    }

    public void setConsumerKey(String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public String getConsumerSecret() {
        return consumerSecret;
    }

    public void setConsumerSecret(String consumerSecret) {
        this.consumerSecret = consumerSecret;
    }
}
