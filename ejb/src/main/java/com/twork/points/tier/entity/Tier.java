package com.twork.points.tier.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A membership tier reached at {@code threshold} earned points; its multiplier applies to order awards. */
@Entity
@Table(name = "tier")
@NamedQuery(name = "Tier.findAllByThreshold", query = "SELECT t FROM Tier t ORDER BY t.threshold")
public class Tier {
    @Id
    @Column(name = "tier_key")
    private String key;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "threshold", nullable = false)
    private long threshold;

    @Column(name = "multiplier", nullable = false)
    private BigDecimal multiplier;

    @Column(name = "benefits")
    private String benefits;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected Tier() {}

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public long threshold() {
        return threshold;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    public Optional<String> benefits() {
        return Optional.ofNullable(benefits);
    }
}
