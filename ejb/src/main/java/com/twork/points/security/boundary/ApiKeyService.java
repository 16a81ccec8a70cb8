package com.twork.points.security.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.platform.control.ClusterSignals;
import com.twork.points.security.control.ApiKeyCache;
import com.twork.points.security.control.ApiKeyRepository;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.control.KeyHashing;
import com.twork.points.security.entity.ApiKey;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** API key administration for admins: create (secret shown once), register an existing pair, list, revoke. */
@Stateless
public class ApiKeyService {
    @Inject
    ClusterSignals signals;

    @Inject
    ApiKeyRepository keys;

    @Inject
    ApiKeyCache cache;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public CreatedApiKey create(String description, Permission permission) {
        String consumerKey = KeyHashing.newConsumerKey();
        String consumerSecret = KeyHashing.newConsumerSecret();
        ApiKey key = store(description, permission, consumerKey, consumerSecret);
        audit.action("api_key.created", "key " + key.id() + " ..." + key.truncatedKey() + " " + permission.wire());
        return new CreatedApiKey(ApiKeyView.of(key), consumerKey, consumerSecret);
    }

    /** Registers a pair made elsewhere (the app's compiled-in key, a WooCommerce key): it works as it is. */
    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public ApiKeyView register(String consumerKey, String consumerSecret, String description, Permission permission) {
        if (!KeyHashing.isConsumerKey(consumerKey) || !KeyHashing.isConsumerSecret(consumerSecret)) {
            throw new InvalidInputException(
                    "invalid_params", "A consumer key is ck_ plus 40 hex digits, a secret cs_ plus 40 hex digits");
        }
        if (keys.findByConsumerKey(consumerKey).isPresent()) {
            throw new InvalidInputException("invalid_params", "That consumer key is already registered");
        }
        ApiKey key = store(description, permission, consumerKey, consumerSecret);
        audit.action("api_key.registered", "key " + key.id() + " ..." + key.truncatedKey() + " " + permission.wire());
        return ApiKeyView.of(key);
    }

    @RequiresPermission(value = Permission.READ, keys = false, staff = Role.ADMIN)
    public List<ApiKeyView> list() {
        return keys.all().stream().map(ApiKeyView::of).toList();
    }

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public ApiKeyView revoke(long id) {
        ApiKey key = keys.find(id).orElseThrow(() -> new InvalidInputException("invalid_params", "No such key"));
        key.revoke(caller.caller().orElseThrow().actor(), clock.now());
        cache.invalidate();
        signals.changed(CacheInvalidation.API_KEYS);
        audit.action("api_key.revoked", "key " + id);
        return ApiKeyView.of(key);
    }

    private ApiKey store(String description, Permission permission, String consumerKey, String consumerSecret) {
        String text = description == null ? "" : description.trim();
        if (text.isEmpty() || text.length() > 200) {
            throw new InvalidInputException("invalid_params", "A description of 1 to 200 characters is required");
        }
        return keys.add(new ApiKey(
                text,
                permission,
                KeyHashing.consumerKeyHash(consumerKey),
                KeyHashing.secretHash(consumerSecret),
                KeyHashing.truncated(consumerKey),
                caller.caller().orElseThrow().actor(),
                clock.now()));
    }
}
