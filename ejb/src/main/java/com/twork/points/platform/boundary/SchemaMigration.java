package com.twork.points.platform.boundary;

import com.twork.points.platform.control.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the application's data source and brings the schema up to date before any request is served.
 *
 * <p>Connection settings come from MicroProfile Config ({@code twork.db.url}, {@code twork.db.user},
 * {@code twork.db.password}) through Payara's {@code ${MPCONFIG=...}} placeholders, on a non-XA data source
 * (see {@link com.twork.points.platform.control.MariaDbLocalDataSource}). READ COMMITTED, so a read
 * made before a {@code SELECT ... FOR UPDATE} does not pin a stale snapshot for the rest of the transaction.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "com.twork.points.platform.control.MariaDbLocalDataSource",
        url = "${MPCONFIG=twork.db.url}",
        user = "${MPCONFIG=twork.db.user}",
        password = "${MPCONFIG=twork.db.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
    public static final String DATA_SOURCE = "java:app/jdbc/twork";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    private volatile boolean applied;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = SchemaMigrator.migrate(dataSource);
        applied = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }

    /** True once this instance has brought the schema up to date (used by the readiness check). */
    public boolean applied() {
        return applied;
    }
}
