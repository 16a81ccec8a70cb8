package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
    @Test
    void anUnreachableDatabaseAnywhereInTheChainIsAnOutage() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(
                "wrapped", new RuntimeException(new SQLNonTransientConnectionException("Socket fail")))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("gone", "08S01"))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new RuntimeException(new SQLException("Deadlock", "40001", 1213))));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bug")));
    }
}
