package com.twork.points.rule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/** One version of a rule, written once and never changed: awards name the version they used. */
@Entity
@Table(name = "earning_rule_version")
@IdClass(RuleVersion.Key.class)
@NamedQuery(
        name = "RuleVersion.current",
        query = "SELECT v FROM RuleVersion v, Rule r WHERE r.id = v.ruleId AND r.currentVersion = v.version"
                + " AND r.status IN :statuses ORDER BY v.ruleId")
@NamedQuery(
        name = "RuleVersion.ofRule",
        query = "SELECT v FROM RuleVersion v WHERE v.ruleId = :ruleId ORDER BY v.version DESC")
public class RuleVersion {
    /** The composite key (rule, version). */
    public record Key(long ruleId, int version) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }

    @Id
    @Column(name = "rule_id")
    private long ruleId;

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "starts_at")
    private LocalDateTime startsAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    @Column(name = "definition", nullable = false)
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected RuleVersion() {}

    public RuleVersion(
            long ruleId,
            int version,
            String name,
            int priority,
            Optional<LocalDateTime> startsAt,
            Optional<LocalDateTime> endsAt,
            String definition,
            Instant createdAt,
            String createdBy) {
        this.ruleId = ruleId;
        this.version = version;
        this.name = name;
        this.priority = priority;
        this.startsAt = startsAt.orElse(null);
        this.endsAt = endsAt.orElse(null);
        this.definition = definition;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public long ruleId() {
        return ruleId;
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }

    public Optional<LocalDateTime> startsAt() {
        return Optional.ofNullable(startsAt);
    }

    public Optional<LocalDateTime> endsAt() {
        return Optional.ofNullable(endsAt);
    }

    public String definition() {
        return definition;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
