package com.twork.points.rule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An earning rule's identity and life; what it does is in its versions ({@link RuleVersion}). */
@Entity
@Table(name = "earning_rule")
@NamedQuery(name = "Rule.all", query = "SELECT r FROM Rule r ORDER BY r.id")
public class Rule {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "rule_id")
    private Long id;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "status", nullable = false)
    private RuleStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long rowVersion;

    protected Rule() {}

    public Rule(Instant now) {
        this.currentVersion = 1;
        this.status = RuleStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public RuleStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The number the next version gets; an ended rule is not edited any more. */
    public int nextVersion(Instant now) {
        requireNotEnded();
        currentVersion++;
        updatedAt = now;
        return currentVersion;
    }

    public void pause(Instant now) {
        requireNotEnded();
        status = RuleStatus.PAUSED;
        updatedAt = now;
    }

    public void resume(Instant now) {
        requireNotEnded();
        status = RuleStatus.ACTIVE;
        updatedAt = now;
    }

    public void end(Instant now) {
        status = RuleStatus.ENDED;
        updatedAt = now;
    }

    private void requireNotEnded() {
        if (status == RuleStatus.ENDED) {
            throw new IllegalStateException("rule " + id + " has ended");
        }
    }
}
