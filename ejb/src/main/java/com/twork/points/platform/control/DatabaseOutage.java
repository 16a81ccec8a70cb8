package com.twork.points.platform.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;

/**
 * Recognises a failure caused by the database being unreachable (stopped, restarting, network gone) rather than
 * by a fault of ours: the caller is told to come back (503) and the server recovers by itself once the pool can
 * connect again.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {}

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // A connection lost during COMMIT (a Galera node killed, the driver moving to the next one) or found
            // closed there (a pooled connection the whole cluster's restart left behind): Payara passes on only the
            // driver's message. The write may or may not be committed; the client resends with its Idempotency-Key,
            // order id or item ids, which are exactly once.
            if (cause instanceof XAException
                    && cause.getMessage() != null
                    && (cause.getMessage().contains("communications")
                            || cause.getMessage().contains("Connection is closed"))) {
                return true;
            }
            // The pool's own refusal when it cannot create a connection (Payara's PoolingException and
            // jakarta.resource.ResourceException), named so this jar needs no server classes.
            String name = cause.getClass().getSimpleName();
            if (name.equals("PoolingException") || name.equals("ResourceException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
