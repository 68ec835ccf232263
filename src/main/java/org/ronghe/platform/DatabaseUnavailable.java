package org.ronghe.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached for the moment (stopped, restarting, the pool
 * waited in vain for a connection) rather than that the request or the code is wrong. Such failures are
 * answered with 503 so that clients retry, and the application recovers by itself once the database is
 * back: the pool opens new connections on the next request.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before it retries. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** True when the failure, or any failure it was caused by, is an unreachable database. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (unreachable(t) || t instanceof TransactionSystemException tse && lostConnection(tse)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A step whose connection the database closed (a restart terminates every session) fails once more
     * when the transaction is rolled back on the dead connection; that rollback failure replaces the
     * original one, which it keeps as its application exception when there was one.
     */
    private static boolean lostConnection(TransactionSystemException failure) {
        if (failure.getApplicationException() != null && causes(failure.getApplicationException())) {
            return true;
        }
        // Hikari's answer on a connection it has already closed carries no SQLSTATE.
        return failure.getCause() instanceof SQLException sql
                && (connectionState(sql.getSQLState()) || "Connection is closed".equals(sql.getMessage()));
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof ConcurrencyFailureException) {
            // A lost race (optimistic or pessimistic lock): the database answered, the request conflicts.
            return false;
        }
        return t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessException
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && connectionState(sql.getSQLState());
    }

    /** SQLSTATE class 08 (connection exception), 57P0x (server shut down or restarting), 53300 (too many connections). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
