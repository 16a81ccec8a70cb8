package com.twork.points.setting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Writes setting rows; {@code updated_by} records who, so a re-seed never overwrites a changed value. */
@ApplicationScoped
public class SettingStore {
    @PersistenceContext
    EntityManager em;

    public void save(String name, String value, String actor, Instant now) {
        em.createNativeQuery("INSERT INTO setting (name, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)"
                        + " ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at),"
                        + " updated_by = VALUES(updated_by)")
                .setParameter(1, name)
                .setParameter(2, value)
                .setParameter(3, now)
                .setParameter(4, actor)
                .executeUpdate();
    }
}
