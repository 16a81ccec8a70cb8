package com.twork.points.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the SQL migrations shipped in {@code db/migration} (from the top-level src-sql folder). Used at
 * server start and by the operator commands, so both always see the same schema.
 */
public final class SchemaMigrator {
    private SchemaMigrator() {}

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
