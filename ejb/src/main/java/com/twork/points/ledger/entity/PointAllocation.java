package com.twork.points.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many points of which lot one debit consumed; never changed after insert. */
@Entity
@Table(name = "point_allocation")
@NamedQuery(
        name = "PointAllocation.ofDebit",
        query = "SELECT a FROM PointAllocation a WHERE a.debitId = :debitId ORDER BY a.id")
public class PointAllocation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "debit_id", nullable = false, updatable = false)
    private long debitId;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private long lotId;

    @Column(name = "points", nullable = false, updatable = false)
    private int points;

    @Column(name = "restored", nullable = false)
    private int restored;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PointAllocation() {}

    public PointAllocation(long debitId, long lotId, int points, Instant createdAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("an allocation moves positive points");
        }
        this.debitId = debitId;
        this.lotId = lotId;
        this.points = points;
        this.createdAt = createdAt;
    }

    public long debitId() {
        return debitId;
    }

    public long lotId() {
        return lotId;
    }

    public int points() {
        return points;
    }

    /** Points of this allocation not yet given back to the lot. */
    public int outstanding() {
        return points - restored;
    }

    /** The redemption was refunded and these points went back into the lot. */
    public void restore() {
        restored = points;
    }
}
