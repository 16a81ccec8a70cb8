package com.twork.points.rule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * What one line of an awarded order earned from one rule (rule 0: the default rate), and how much of it was taken
 * back since. Written with the award; only {@code reversed} changes afterwards.
 */
@Entity
@Table(name = "order_award_entry")
@NamedQuery(
        name = "AwardEntry.ofAward",
        query = "SELECT e FROM AwardEntry e WHERE e.transactionId = :transactionId ORDER BY e.id")
@NamedQuery(
        name = "AwardEntry.ofAwards",
        query = "SELECT e FROM AwardEntry e WHERE e.transactionId IN :transactionIds ORDER BY e.transactionId, e.id")
public class AwardEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "transaction_id", nullable = false)
    private long transactionId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "line_key", nullable = false)
    private String lineKey;

    @Column(name = "rule_id", nullable = false)
    private long ruleId;

    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;

    @Column(name = "label", nullable = false)
    private String label;

    @Column(name = "points", nullable = false)
    private int points;

    @Column(name = "reversed", nullable = false)
    private int reversed;

    @Column(name = "capped", nullable = false)
    private boolean capped;

    @Column(name = "award_day", nullable = false)
    private LocalDate awardDay;

    protected AwardEntry() {}

    public AwardEntry(
            long transactionId,
            String orderId,
            long userId,
            String lineKey,
            long ruleId,
            int ruleVersion,
            String label,
            int points,
            boolean capped,
            LocalDate awardDay) {
        this.transactionId = transactionId;
        this.orderId = orderId;
        this.userId = userId;
        this.lineKey = lineKey;
        this.ruleId = ruleId;
        this.ruleVersion = ruleVersion;
        this.label = label;
        this.points = points;
        this.capped = capped;
        this.awardDay = awardDay;
    }

    public long transactionId() {
        return transactionId;
    }

    public long userId() {
        return userId;
    }

    public String lineKey() {
        return lineKey;
    }

    public long ruleId() {
        return ruleId;
    }

    public int ruleVersion() {
        return ruleVersion;
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }

    public int reversed() {
        return reversed;
    }

    public boolean capped() {
        return capped;
    }

    /** What of this entry is still held by the member (never below zero for a negative entry). */
    public int outstanding() {
        return points - reversed;
    }

    /** Records that {@code taken} more points of this entry were taken back (at most what is outstanding). */
    public void reversedBy(int taken) {
        if (taken < 0 || taken > outstanding()) {
            throw new IllegalArgumentException("cannot take back " + taken + " of " + outstanding());
        }
        reversed += taken;
    }
}
