package com.twork.points.security.control;

import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.security.entity.ApiKey;
import com.twork.points.security.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys requests presented lately, as the database had them at most {@code twork.auth.key-cache-millis}
 * (3 s) ago. Looking a key up was 40% of the CPU time of a trivial authenticated request; with every request of
 * the mobile app carrying the same key, this answers almost all of them from memory.
 *
 * <p>Not shared state: a revocation or permission change made on this instance clears the cache at once, one
 * made on another instance (or by {@code ./twork key revoke}) takes effect here within the cache time, as a
 * settings change does. Unknown keys are never cached (a client guessing keys cannot fill memory, and each guess
 * still reaches the database and the failure throttle). 0 turns the cache off.
 */
@ApplicationScoped
public class ApiKeyCache {
    /** Far more keys than a shop has; past it the cache starts over rather than tracking use. */
    static final int MAX_ENTRIES = 10_000;

    @Inject
    ApiKeyRepository keys;

    @Inject
    @ConfigProperty(name = "twork.auth.key-cache-millis", defaultValue = "3000")
    long cacheMillis;

    private final Map<String, Cached> byConsumerKey = new ConcurrentHashMap<>();

    /** What the authentication check needs of a key; immutable, so requests can share it. */
    public record KeyGrant(
            long id, Permission permissions, String consumerSecretHash, boolean revoked, Optional<Instant> lastAccess) {
        static KeyGrant of(ApiKey key) {
            return new KeyGrant(
                    key.id(), key.permissions(), key.consumerSecretHash(), key.isRevoked(), key.lastAccess());
        }
    }

    private record Cached(KeyGrant grant, long loadedAtNanos) {}

    /** The key with this consumer key, from memory when it was read recently enough. */
    public Optional<KeyGrant> find(String consumerKey) {
        long now = System.nanoTime();
        Cached cached = byConsumerKey.get(consumerKey);
        if (cached != null
                && now - cached.loadedAtNanos() < Duration.ofMillis(cacheMillis).toNanos()) {
            return Optional.of(cached.grant());
        }
        Optional<KeyGrant> grant = keys.findByConsumerKey(consumerKey).map(KeyGrant::of);
        if (grant.isPresent() && cacheMillis > 0) {
            if (byConsumerKey.size() >= MAX_ENTRIES) {
                byConsumerKey.clear();
            }
            byConsumerKey.put(consumerKey, new Cached(grant.get(), now));
        } else {
            byConsumerKey.remove(consumerKey);
        }
        return grant;
    }

    /** Records the key's use (at most once a minute per key, in the database) and remembers that it did. */
    public void recordAccess(String consumerKey, KeyGrant grant, Instant now) {
        keys.recordAccess(grant.id(), now);
        byConsumerKey.computeIfPresent(
                consumerKey,
                (k, cached) -> new Cached(
                        new KeyGrant(
                                grant.id(),
                                grant.permissions(),
                                grant.consumerSecretHash(),
                                grant.revoked(),
                                Optional.of(now)),
                        cached.loadedAtNanos()));
    }

    /** Forgets every key: called when a key is revoked or changed on this instance. */
    public void invalidate() {
        byConsumerKey.clear();
    }

    /** Another instance (or this one, after its commit) changed it. */
    void onChange(@Observes CacheInvalidation what) {
        if (what == CacheInvalidation.API_KEYS) {
            invalidate();
        }
    }
}
