package org.ronghe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away, try again" (503) and which are the request's own. */
class DatabaseUnavailableTests {

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        var timedOut = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms.");
        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut))).isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("Could not open JDBC Connection", timedOut))).isTrue();
    }

    @Test
    void aSessionTerminatedByARestartIsAnOutageEvenWrapped() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("step failed", terminated))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("Connection refused", "08001"))).isTrue();
    }

    @Test
    void aRollbackThatFailsOnTheDeadConnectionIsAnOutage() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causes(rollback)).isTrue();

        var overridden = new TransactionSystemException("JDBC rollback failed", new SQLException("already rolled back"));
        overridden.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
        assertThat(DatabaseUnavailable.causes(overridden)).isTrue();
    }

    @Test
    void lostRacesAndBadDataAreNotOutages() {
        assertThat(DatabaseUnavailable.causes(new OptimisticLockingFailureException("changed meanwhile"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new CannotAcquireLockException("deadlock"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new TransactionSystemException("JDBC rollback failed",
                new SQLException("some other trouble", "XX000")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalArgumentException("bad input"))).isFalse();
    }
}
