package com.twork.points.setting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored business setting. */
@Entity
@Table(name = "setting")
@NamedQuery(name = "Setting.findAll", query = "SELECT s FROM Setting s")
public class Setting {
    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "value", nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected Setting() {}

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
