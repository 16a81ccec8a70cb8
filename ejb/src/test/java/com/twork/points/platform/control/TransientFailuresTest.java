package com.twork.points.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.boundary.TemporarilyUnavailableException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    private static RuntimeException wrapped(int mariaDbCode) {
        return new IllegalStateException("wrapped", new RuntimeException(new SQLException("db", "40001", mariaDbCode)));
    }

    @Test
    void aDeadlockIsRetriedUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(1213);
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aConflictThatKeepsComingBecomes503AfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(
                TemporarilyUnavailableException.class,
                () -> TransientFailures.retry(() -> {
                    calls.incrementAndGet();
                    throw wrapped(1205);
                }));
        assertEquals(TransientFailures.ATTEMPTS, calls.get());
    }

    @Test
    void galeraCertificationFailuresAndANodeNotReadyAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retry(() -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                // WSREP detected deadlock/conflict and aborted the transaction (at COMMIT).
                throw wrapped(1213);
            }
            if (call == 2) {
                // WSREP has not yet prepared node for application use.
                throw new IllegalStateException(new SQLException("not ready", "08S01", 1047));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aCommitRefusedByCertificationIsRecognisedThroughTheContainersXaException() {
        // As Payara reports it: EJBException > TransactionalException > SystemException > XAException(message).
        RuntimeException atCommit = new IllegalStateException(
                "during commit",
                new Exception(new XAException("jakarta.resource.spi.LocalTransactionException: (conn=42) Deadlock"
                        + " found when trying to get lock; try restarting transaction")));
        assertEquals(1213, TransientFailures.mariaDbErrorCode(atCommit));
        RuntimeException unknownOutcome = new IllegalStateException(
                "during commit", new Exception(new XAException("Socket error: connection reset")));
        assertEquals(0, TransientFailures.mariaDbErrorCode(unknownOutcome));
    }

    @Test
    void businessFailuresAndOtherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        InvalidInputException business = new InvalidInputException("invalid_params", "no");
        assertSame(
                business,
                assertThrows(
                        InvalidInputException.class,
                        () -> TransientFailures.retry(() -> {
                            calls.incrementAndGet();
                            throw business;
                        })));
        RuntimeException other = wrapped(1146);
        assertSame(
                other,
                assertThrows(
                        RuntimeException.class,
                        () -> TransientFailures.retry(() -> {
                            calls.incrementAndGet();
                            throw other;
                        })));
        assertEquals(2, calls.get());
    }

    @Test
    void duplicateKeysAreRecognisedInsideTheCauseChain() {
        assertEquals(1062, TransientFailures.mariaDbErrorCode(wrapped(1062)));
        assertEquals(0, TransientFailures.mariaDbErrorCode(new RuntimeException("plain")));
    }
}
