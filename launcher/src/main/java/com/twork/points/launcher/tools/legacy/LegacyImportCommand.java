package com.twork.points.launcher.tools.legacy;

import com.twork.points.audit.control.AuditChain;
import com.twork.points.launcher.server.LauncherConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@code ./twork import-legacy}: reads a legacy WordPress database, rebuilds it by our rules and writes it into the
 * command's database in one transaction, or refuses (exit {@link #REFUSED}) and writes nothing. Runs only on a
 * fresh database; a second run of the same source finds its own import log entry and changes nothing.
 */
public final class LegacyImportCommand {
    /** Exit code of a refusal (the database is not fresh, the source differs, the tables are not there). */
    public static final int REFUSED = 3;

    static final String ACTOR = "cli";
    private static final String LOCK = "twork.legacy-import";
    private static final String USAGE_URL = "--source-url must be a jdbc:mariadb://host:port/database URL";

    /** Tables that must be empty in a fresh database (the schema's seeded rows live elsewhere). */
    private static final List<String> DATA_TABLES =
            List.of("member", "point_transaction", "point_account", "point_allocation", "shop_order", "api_key");

    private final Connection target;
    private final PrintStream out;

    public LegacyImportCommand(Connection target, PrintStream out) {
        this.target = target;
        this.out = out;
    }

    /** What to import from where; the password never comes from the command line. */
    public record Options(String sourceUrl, String sourceUser, String sourcePassword, String prefix, boolean dryRun) {
        @Override
        public String toString() {
            return "Options[sourceUrl=" + location(sourceUrl) + ", sourceUser=" + sourceUser + ", prefix=" + prefix
                    + ", dryRun=" + dryRun + "]";
        }
    }

    /**
     * {@code --source-url URL --source-user USER [--source-password-stdin] [--prefix wp_] [--dry-run]}; without
     * {@code --source-password-stdin} the password comes from {@code TWORK_LEGACY_PASSWORD} (or
     * {@code -Dtwork.legacy.password}), else none is sent.
     */
    public static Options options(List<String> args, Supplier<String> standardInputLine) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean passwordFromStdin = false;
        boolean dryRun = false;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            switch (name) {
                case "--source-password-stdin" -> passwordFromStdin = true;
                case "--dry-run" -> dryRun = true;
                case "--source-url", "--source-user", "--prefix" -> {
                    if (rest.isEmpty()) {
                        throw new IllegalArgumentException(name + " needs a value.");
                    }
                    values.put(name, rest.remove(0));
                }
                default -> throw new IllegalArgumentException("Unknown import-legacy option: " + name);
            }
        }
        String url = values.get("--source-url");
        if (url == null || !url.startsWith("jdbc:mariadb://")) {
            throw new IllegalArgumentException(USAGE_URL);
        }
        String user = values.get("--source-user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("--source-user is required.");
        }
        String prefix = values.getOrDefault("--prefix", "wp_");
        if (!LegacySource.PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("--prefix must be 1 to 32 letters, digits or underscores (e.g. wp_)");
        }
        String password = passwordFromStdin
                ? standardInputLine.get()
                : LauncherConfig.value("twork.legacy.password").orElse(null);
        return new Options(url, user, password, prefix, dryRun);
    }

    /** Runs the import; 0 imported (or nothing left to do), {@link #REFUSED} refused. */
    public int run(Options options) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            LegacySnapshot source = read(options, now);
            return importInto(source, options, now);
        } catch (ImportRefusedException e) {
            out.println("Refused: " + e.getMessage());
            return REFUSED;
        }
    }

    private static LegacySnapshot read(Options options, Instant now) throws SQLException {
        MariaDbDataSource dataSource = new MariaDbDataSource(options.sourceUrl());
        dataSource.setUser(options.sourceUser());
        if (options.sourcePassword() != null) {
            dataSource.setPassword(options.sourcePassword());
        }
        try (Connection connection = dataSource.getConnection()) {
            return LegacySource.read(connection, options.prefix(), location(options.sourceUrl()), now);
        }
    }

    /** Host, port and database of a JDBC URL, without any parameters (they may hold credentials). */
    static String location(String url) {
        String rest = url.startsWith("jdbc:mariadb://") ? url.substring("jdbc:mariadb://".length()) : url;
        int query = rest.indexOf('?');
        rest = query < 0 ? rest : rest.substring(0, query);
        int at = rest.lastIndexOf('@');
        return at < 0 ? rest : rest.substring(at + 1);
    }

    private int importInto(LegacySnapshot source, Options options, Instant now) throws SQLException {
        target.setAutoCommit(true);
        if (!lock()) {
            throw new ImportRefusedException("another legacy import is running on this database");
        }
        try {
            Optional<String> done = earlierImport(source);
            if (done.isPresent()) {
                out.println(done.get());
                return 0;
            }
            requireFresh();
            ImportPlan plan = ImportPlan.of(source, now);
            if (!options.dryRun()) {
                // ALTER TABLE commits on its own, so it runs before the import's transaction; on a fresh database a
                // higher counter alone is harmless should the import then fail.
                raiseNextTransactionId(plan.nextTransactionId());
            }
            target.setAutoCommit(false);
            AuditChain.Result audit;
            String report;
            try {
                ImportWriter writer = new ImportWriter(target, now);
                writer.members(plan.members());
                writer.ledger(plan.ledger());
                writer.keys(plan.keys());
                List<String> settings = writer.settings(plan.settings());
                writer.legacyAudit(source.auditRows(), source.prefix());
                report = plan.report(settings);
                long id = writer.recordImport(source, plan.counts(), ACTOR, report);
                writer.auditImport(ACTOR, "import " + id + " of " + source.identity() + ": " + plan.summary());
                audit = writer.check();
                if (options.dryRun()) {
                    target.rollback();
                } else {
                    target.commit();
                }
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(true);
            }
            out.print(report);
            out.println("New transaction ids " + (options.dryRun() ? "would start" : "start") + " at "
                    + plan.nextTransactionId() + ".");
            out.println("Audit chain verified: " + audit.rowsChecked() + " rows intact.");
            out.println(
                    options.dryRun()
                            ? "Dry run: everything was written, checked and rolled back; nothing was kept."
                            : "Done: imported in one transaction.");
            return 0;
        } finally {
            unlock();
        }
    }

    /** An earlier import: the same source again is done already; any other source or a changed one is refused. */
    private Optional<String> earlierImport(LegacySnapshot source) throws SQLException {
        try (Statement statement = target.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, source_identity, source_fingerprint, imported_at"
                        + " FROM legacy_import ORDER BY id DESC")) {
            while (rows.next()) {
                String when = rows.getString(4) + " UTC (import " + rows.getLong(1) + ")";
                if (!source.identity().equals(rows.getString(2))) {
                    throw new ImportRefusedException("this database already holds an import of " + rows.getString(2)
                            + " from " + when + "; it will not take " + source.identity() + " as well. Import it into"
                            + " a fresh database instead.");
                }
                if (!source.fingerprint().equals(rows.getString(3))) {
                    throw new ImportRefusedException(source.identity() + " was imported on " + when
                            + ", but its rows have changed since. An import never merges: import the current"
                            + " source into a fresh database.");
                }
                return Optional.of("Already imported: " + source.identity() + " (fingerprint "
                        + source.fingerprint().substring(0, 16) + ") was imported on " + when + ". Nothing changed.");
            }
        }
        return Optional.empty();
    }

    private void requireFresh() throws SQLException {
        List<String> held = new ArrayList<>();
        try (Statement statement = target.createStatement()) {
            for (String table : DATA_TABLES) {
                // Table names come from the constant list above.
                try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        held.add(row.getLong(1) + " " + table + " row(s)");
                    }
                }
            }
        }
        if (!held.isEmpty()) {
            throw new ImportRefusedException("this database is not fresh: it holds " + String.join(", ", held)
                    + ". The legacy import runs only on a fresh database (or again on one holding an earlier"
                    + " import of the same source): create an empty database, point TWORK_DB_URL at it and import"
                    + " there.");
        }
    }

    private void raiseNextTransactionId(long next) throws SQLException {
        try (Statement statement = target.createStatement()) {
            statement.execute("ALTER TABLE point_transaction AUTO_INCREMENT = " + next);
        }
    }

    private boolean lock() throws SQLException {
        try (PreparedStatement statement = target.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, LOCK);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        }
    }

    private void unlock() throws SQLException {
        try (PreparedStatement statement = target.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, LOCK);
            statement.executeQuery().close();
        }
    }
}
