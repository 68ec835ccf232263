package org.ronghe.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.sql.DataSource;

import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backup of the embedded H2 database taken while the application runs: H2 lets only this process
 * open its file, so the copy ({@code SCRIPT TO}, a zipped SQL script that {@code RUNSCRIPT} or
 * {@code scripts/restore.sh} loads into a fresh database) is written by the application itself, in
 * one snapshot so that the audit log and its seals match. PostgreSQL is backed up with its own tools.
 */
@Component
class OnlineBackups {

    private static final Logger log = LoggerFactory.getLogger(OnlineBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;

    OnlineBackups(DataSource dataSource, Audit audit, PlatformTransactionManager transactions, Clock clock,
                  @Value("${ronghe.backup.directory:./data/backups}") Path directory) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.directory = directory;
    }

    record Written(String file, long bytes) {
    }

    Written write() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                throw new ConflictException("应用只在内置数据库（H2）上自行备份；PostgreSQL 请用 pg_dump 或持续归档（scripts/backup.sh）",
                        Map.of());
            }
            Files.createDirectories(directory);
            Path file = directory.resolve("ronghe-" + LocalDateTime.now(clock).format(STAMP) + ".zip").toAbsolutePath();
            // recorded first, in its own transaction, so the backup holds the record of itself
            transactions.executeWithoutResult(status -> audit.record(Audit.Entry.change("BACKUP_WRITTEN", "database",
                    file.getFileName().toString(), null, Map.of("file", file.toString()))));
            script(connection, file);
            long bytes = Files.size(file);
            log.info("Backup written to {} ({} bytes)", file, bytes);
            return new Written(file.toString(), bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table read in one snapshot: a write committed meanwhile is either wholly in the copy or wholly out. */
    private static void script(Connection connection, Path file) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            connection.setAutoCommit(false);
            // the file name is made here, never taken from a request
            statement.execute("SCRIPT TO '" + file.toString().replace("'", "''") + "' COMPRESSION ZIP");
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        }
    }
}
