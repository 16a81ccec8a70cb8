package com.twork.points.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready = the database answers and this instance has applied the migrations. Shown under /health/ready. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    static final String NAME = "twork-database";

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        boolean migrated = migration.applied();
        return HealthCheckResponse.named(NAME)
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .build();
    }
}
