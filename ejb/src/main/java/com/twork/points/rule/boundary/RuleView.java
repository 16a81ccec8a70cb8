package com.twork.points.rule.boundary;

import com.twork.points.rule.control.RuleDraft;
import com.twork.points.rule.entity.RuleStatus;
import java.time.Instant;

/** A rule as staff see it: its current version's content and its life. */
public record RuleView(
        long id,
        int version,
        RuleStatus status,
        RuleDraft draft,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {}
