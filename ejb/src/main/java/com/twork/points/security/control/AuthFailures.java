package com.twork.points.security.control;

import com.twork.points.ops.control.PointsMetrics;
import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.TooManyRequestsException;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Counts failed authentications per client; a client over {@code auth_failure_limit_per_minute} gets 429. */
@ApplicationScoped
public class AuthFailures {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(AuthFailures.class.getName());

    @Inject
    Throttle throttle;

    @Inject
    SettingsCache settings;

    @Inject
    AppClock clock;

    @Inject
    PointsMetrics metrics;

    /**
     * Records one failure of this client (never with the credentials themselves) and returns what to answer: the
     * given failure, or 429 once the client is over {@code auth_failure_limit_per_minute}. Only failing attempts
     * are ever refused, so valid callers behind the same address (a proxy, a carrier NAT) are never locked out.
     */
    public ApplicationFailure failed(String client, String reason, ApplicationFailure failure) {
        Instant now = clock.now();
        int hits = throttle.hit(bucket(client), now, WINDOW);
        metrics.authFailure(reason.split("[ :]")[0]);
        LOG.info(() -> "Authentication failed (" + reason + ") for client " + client);
        if (hits > limit()) {
            return new TooManyRequestsException(throttle.window(now, WINDOW).secondsLeft(now));
        }
        return failure;
    }

    private int limit() {
        return settings.current().integer(SettingKey.AUTH_FAILURE_LIMIT_PER_MINUTE);
    }

    private static String bucket(String client) {
        return "auth:" + client;
    }
}
