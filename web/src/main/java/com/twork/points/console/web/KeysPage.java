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
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code keys.xhtml} (ADMIN): API keys with their last access; create one (its secret is shown in this one
 * answer and never again: the answer is not cached and not redirected, since a redirect would have to carry the
 * secret in a URL), register an existing WooCommerce pair, revoke.
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
    private CreatedApiKey created;
    private String description;
    private String permission = "read_write";
    private String consumerKey;
    private String consumerSecret;

    @PostConstruct
    void load() {
        rows = queries.keys(console.pageParam(), PER_PAGE);
    }

    public void create() {
        Permission chosen = Permission.fromWire(permission).orElse(null);
        if (chosen == null) {
            console.fieldError("create:permission", "Pick read, write or read_write.");
            return;
        }
        try {
            created = keys.create(description.trim(), chosen);
            rows = queries.keys(console.pageParam(), PER_PAGE);
            description = null;
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

    public CreatedApiKey getCreated() {
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
