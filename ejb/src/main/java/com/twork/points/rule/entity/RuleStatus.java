package com.twork.points.rule.entity;

/** A rule's life: it earns only while active (and inside its window); an ended rule never earns again. */
public enum RuleStatus {
    ACTIVE,
    PAUSED,
    ENDED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
