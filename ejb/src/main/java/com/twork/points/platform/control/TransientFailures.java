package com.twork.points.platform.control;

import com.twork.points.platform.boundary.ApplicationFailure;
import com.twork.points.platform.boundary.TemporarilyUnavailableException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Runs a whole transaction again when MariaDB gave up on it for reasons that a second try cures: a deadlock
 * (1213), a lock wait timeout (1205), or a duplicate key (1062) raced in by a concurrent writer (the next try
 * then finds that row and answers as a replay). On a Galera cluster 1213 is also a write that lost certification
 * to a conflicting one committed on another node, raised at COMMIT or on the next statement (the transaction is
 * gone either way, so the whole use case runs again), and 1047 is a node not ready for clients during a state
 * change (joining, resyncing) that usually is by the next try. After the last try the caller gets 503.
 */
public final class TransientFailures {
    static final int ATTEMPTS = 4;
    /** MariaDB's text for 1213 (ER_LOCK_DEADLOCK) in the server's default English messages. */
    static final String DEADLOCK_MESSAGE = "Deadlock found when trying to get lock";

    private static final Logger LOG = Logger.getLogger(TransientFailures.class.getName());

    private TransientFailures() {}

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ApplicationFailure failure) {
                throw failure;
            } catch (RuntimeException e) {
                int code = mariaDbErrorCode(e);
                if (code == 0) {
                    throw e;
                }
                final int tried = attempt;
                LOG.fine(() -> "Transient database conflict " + code + " on attempt " + tried);
                if (attempt == ATTEMPTS) {
                    throw new TemporarilyUnavailableException();
                }
                pause(attempt);
            }
        }
    }

    /**
     * 1213, 1205, 1062 or 1047 when one of them is in the cause chain, else 0. A failed COMMIT reaches us without
     * its SQLException: Payara's local-transaction resource rethrows it as an {@code XAException} carrying only the
     * driver's message, so a deadlock (a lost certification) is recognised there by MariaDB's message for 1213, which
     * means the transaction was rolled back. Any other failure at COMMIT is not retried: its outcome is unknown.
     */
    static int mariaDbErrorCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof XAException
                    && cause.getMessage() != null
                    && cause.getMessage().contains(DEADLOCK_MESSAGE)) {
                return 1213;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    int code = next.getErrorCode();
                    if (code == 1213 || code == 1205 || code == 1062 || code == 1047) {
                        return code;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporarilyUnavailableException();
        }
    }
}
