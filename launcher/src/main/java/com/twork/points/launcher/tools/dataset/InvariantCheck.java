package com.twork.points.launcher.tools.dataset;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SPEC §2 over every member at once, in set-based SQL: balance = Σ remaining of available lots = Σ available credits
 * − Σ debits ≥ 0, and every counting debit is fully allocated. Used after generating a dataset and by the benchmark
 * after its load.
 */
public final class InvariantCheck {
    private InvariantCheck() {}

    /** Number of members or debits breaking it (0: it holds); prints what it checks and how long it took. */
    public static long run(Connection connection, PrintStream out) throws SQLException {
        long started = System.nanoTime();
        out.println("Checking the reconciliation invariant over every member ...");
        long drifted = single(
                connection,
                "SELECT COUNT(*) FROM point_account a LEFT JOIN (SELECT user_id, SUM(remaining) AS lots,"
                        + " SUM(CASE WHEN type IN ('redeem', 'expire') THEN -points ELSE points END) AS net"
                        + " FROM point_transaction WHERE status = 'available' GROUP BY user_id) t"
                        + " ON t.user_id = a.user_id WHERE a.balance < 0 OR a.balance <> COALESCE(t.lots, 0)"
                        + " OR a.balance <> COALESCE(t.net, 0)");
        long unallocated = single(
                connection,
                "SELECT COUNT(*) FROM point_transaction d LEFT JOIN (SELECT debit_id, SUM(points) AS taken"
                        + " FROM point_allocation GROUP BY debit_id) a ON a.debit_id = d.id"
                        + " WHERE d.type IN ('redeem', 'expire') AND d.status = 'available'"
                        + " AND d.points <> COALESCE(a.taken, 0)");
        long members = single(connection, "SELECT COUNT(*) FROM point_account");
        out.printf(
                "Invariant: %s (%,d accounts; %,d with drift, %,d debits not fully allocated; %.0f s)%n",
                drifted == 0 && unallocated == 0 ? "holds" : "BROKEN",
                members,
                drifted,
                unallocated,
                (System.nanoTime() - started) / 1e9);
        return drifted + unallocated;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
