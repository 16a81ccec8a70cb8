package com.twork.points.security.control;

import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.TooManyRequestsException;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** Counts failed authentications per client and refuses clients over {@code auth_failure_limit_per_minute}. */
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

    /** Throws 429 when this client already failed too often in the current minute. */
    public void refuseIfOverLimit(String client) {
        Instant now = clock.now();
        if (throttle.hits(bucket(client), now, WINDOW) >= limit()) {
            throw new TooManyRequestsException(throttle.window(now, WINDOW).secondsLeft(now));
        }
    }

    /** Records one failure of this client; never with the credentials themselves. */
    public void record(String client, String reason) {
        throttle.hit(bucket(client), clock.now(), WINDOW);
        LOG.info(() -> "Authentication failed (" + reason + ") for client " + client);
    }

    private int limit() {
        return settings.current().integer(SettingKey.AUTH_FAILURE_LIMIT_PER_MINUTE);
    }

    private static String bucket(String client) {
        return "auth:" + client;
    }
}
