package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
    @Test
    void anUnreachableDatabaseAnywhereInTheChainIsAnOutage() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(
                "wrapped", new RuntimeException(new SQLNonTransientConnectionException("Socket fail")))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("gone", "08S01"))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new ConnectException("Connection refused"))));
        // As Payara reports a connection lost during COMMIT (a Galera node killed): only the driver's message.
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(new Exception(new XAException(
                "jakarta.resource.spi.LocalTransactionException: Driver has reconnect connection after a"
                        + " communications failure with 127.0.0.1:31010 during a COMMIT statement")))));
        // A pooled connection found closed at COMMIT (GaleraIT's whole-cluster restart answered this 500).
        assertTrue(DatabaseOutage.isCause(new RuntimeException(
                new XAException("jakarta.resource.spi.LocalTransactionException: (conn=13) Connection is closed"))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new RuntimeException(new SQLException("Deadlock", "40001", 1213))));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bug")));
    }
}
