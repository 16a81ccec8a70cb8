package com.twork.points.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the SQL migrations shipped in {@code db/migration} (from the top-level src-sql folder). Used at
 * server start and by the operator commands, so both always see the same schema. Only one process migrates at a
 * time, whichever database node it talks to ({@link MigrationClaim}).
 */
public final class SchemaMigrator {
    private SchemaMigrator() {}

    public static MigrateResult migrate(DataSource dataSource) {
        try (MigrationClaim claim = MigrationClaim.take(dataSource)) {
            return Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    // The claim's table exists before the first migration, so a new schema is not empty to
                    // Flyway: it then records a baseline below V1 and applies every migration as usual.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }
}
