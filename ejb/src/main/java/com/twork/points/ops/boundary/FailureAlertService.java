package com.twork.points.ops.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.ops.control.FailureAlerts;
import com.twork.points.platform.control.AppClock;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.setting.control.SettingKey;
import com.twork.points.setting.control.SettingsCache;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The staff alert of SPEC §9: "Point sync has failed N times in the last hour. Last error: ..." once the rolling
 * hour holds {@code failure_alert_threshold} failures; a dismissal lasts until a newer failure arrives.
 */
@Stateless
public class FailureAlertService {
    @Inject
    FailureAlerts alerts;

    @Inject
    SettingsCache settings;

    @Inject
    CallerContext caller;

    @Inject
    AuditTrail audit;

    @Inject
    AppClock clock;

    /** The alert text for staff, when there is one to show. */
    @RequiresPermission(value = Permission.READ, keys = false)
    public Optional<String> current() {
        FailureAlerts.Summary summary = alerts.summary(clock.now());
        if (summary.count() < settings.current().integer(SettingKey.FAILURE_ALERT_THRESHOLD)) {
            return Optional.empty();
        }
        return Optional.of("Point sync has failed " + summary.count() + " times in the last hour. Last error: "
                + summary.lastError().orElse("unknown"));
    }

    @RequiresPermission(value = Permission.WRITE, keys = false)
    public void dismiss() {
        alerts.dismiss(caller.caller().orElseThrow().actor(), clock.now());
        audit.action("alert.dismissed", "failure alert dismissed");
    }
}
