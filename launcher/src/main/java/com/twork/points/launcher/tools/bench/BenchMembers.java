package com.twork.points.launcher.tools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The members a benchmark's requests name: ids 1 to {@code count}, active, inserted in one batch. */
final class BenchMembers {
    private BenchMembers() {}

    static void insert(Connection connection, int count) throws SQLException {
        try (PreparedStatement member = connection.prepareStatement(
                "INSERT INTO member (user_id, email, display_name, status, created_at, updated_at)"
                        + " VALUES (?, NULL, 'Bench', 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            for (int id = 1; id <= count; id++) {
                member.setLong(1, id);
                member.addBatch();
            }
            member.executeBatch();
        }
    }
}
