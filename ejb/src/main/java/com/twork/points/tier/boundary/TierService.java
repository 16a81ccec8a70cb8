package com.twork.points.tier.boundary;

import com.twork.points.audit.control.AuditTrail;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.AppClock;
import com.twork.points.platform.control.CacheInvalidation;
import com.twork.points.platform.control.ClusterSignals;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.control.CallerContext;
import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import com.twork.points.tier.control.TierCatalog;
import com.twork.points.tier.control.TierLadder;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves the whole tier ladder at once (ADMIN): every field checked, all saved or none, audited with the old and
 * new ladder. The ladder must start at 0 points (everyone has a tier) and its thresholds must differ.
 */
@Stateless
public class TierService {
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSignals signals;

    @Inject
    TierCatalog catalog;

    @Inject
    AuditTrail audit;

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    @RequiresPermission(value = Permission.WRITE, keys = false, staff = Role.ADMIN)
    public TierLadder update(List<TierEdit> edits) {
        Map<String, String> problems = validate(edits);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "invalid_tiers",
                    "Invalid tier(s): " + String.join(", ", problems.keySet()),
                    Map.of("params", Map.copyOf(problems)));
        }
        TierLadder before = catalog.ladder();
        Instant now = clock.now();
        String actor = caller.caller().orElseThrow().actor();
        // Delete and insert in one transaction: updating row by row could collide on the unique threshold.
        em.createNativeQuery("DELETE FROM tier").executeUpdate();
        for (TierEdit edit : edits) {
            em.createNativeQuery("INSERT INTO tier (tier_key, label, threshold, multiplier, benefits, updated_at,"
                            + " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, edit.key())
                    .setParameter(2, edit.label().trim())
                    .setParameter(3, Long.parseLong(edit.threshold().trim()))
                    .setParameter(4, new BigDecimal(edit.multiplier().trim()))
                    .setParameter(
                            5,
                            edit.benefits() == null || edit.benefits().isBlank()
                                    ? null
                                    : edit.benefits().trim())
                    .setParameter(6, now)
                    .setParameter(7, actor)
                    .executeUpdate();
        }
        // The ladder read for validation left the old Tier entities in this persistence context: forget them.
        em.clear();
        catalog.invalidate();
        signals.changed(CacheInvalidation.TIERS);
        TierLadder after = catalog.ladder();
        audit.action("tiers.updated", describe(before) + " -> " + describe(after));
        return after;
    }

    /** Each refused field ({@code <key>.label}, {@code <key>.threshold}, {@code <key>.multiplier}) and why. */
    public Map<String, String> validate(List<TierEdit> edits) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> existing = new HashSet<>();
        catalog.ladder().rungs().forEach(rung -> existing.add(rung.key()));
        Set<Long> thresholds = new HashSet<>();
        boolean startsAtZero = false;
        for (TierEdit edit : edits) {
            String key = edit.key();
            if (!existing.contains(key)) {
                problems.put(key, "Unknown tier.");
                continue;
            }
            String label = edit.label() == null ? "" : edit.label().trim();
            if (label.isEmpty() || label.length() > 100) {
                problems.put(key + ".label", "Enter a name of 1 to 100 characters.");
            }
            try {
                long threshold = Long.parseLong(
                        edit.threshold() == null ? "" : edit.threshold().trim());
                if (threshold < 0) {
                    problems.put(key + ".threshold", "Must be 0 or more.");
                } else if (!thresholds.add(threshold)) {
                    problems.put(key + ".threshold", "Another tier already starts at " + threshold + ".");
                } else if (threshold == 0) {
                    startsAtZero = true;
                }
            } catch (NumberFormatException e) {
                problems.put(key + ".threshold", "Enter a whole number.");
            }
            try {
                BigDecimal multiplier = new BigDecimal(
                        edit.multiplier() == null ? "" : edit.multiplier().trim());
                if (multiplier.signum() <= 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0 || multiplier.scale() > 3) {
                    problems.put(key + ".multiplier", "Enter a number above 0 and at most 100, up to 3 decimals.");
                }
            } catch (NumberFormatException e) {
                problems.put(key + ".multiplier", "Enter a number such as 1.5.");
            }
        }
        if (edits.size() != existing.size()) {
            problems.put("tiers", "Submit every tier.");
        } else if (problems.isEmpty() && !startsAtZero) {
            problems.put(edits.get(0).key() + ".threshold", "One tier must start at 0 so that every member has one.");
        }
        return problems;
    }

    private static String describe(TierLadder ladder) {
        StringBuilder text = new StringBuilder();
        for (TierLadder.Rung rung : ladder.rungs()) {
            text.append(rung.key())
                    .append('=')
                    .append(rung.label())
                    .append('@')
                    .append(rung.threshold())
                    .append('x')
                    .append(rung.multiplier().toPlainString())
                    .append(' ');
        }
        return text.toString().trim();
    }
}
