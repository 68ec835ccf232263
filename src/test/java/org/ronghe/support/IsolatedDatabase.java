package org.ronghe.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A database of its own for a test that starts the application itself (several nodes, a restart, a
 * restore): on the PostgreSQL pass a schema of the database {@code RONGHE_TEST_POSTGRES_URL} names,
 * dropped first; otherwise an H2 database in PostgreSQL mode, in memory or in a file.
 */
public final class IsolatedDatabase {

    public static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private IsolatedDatabase() {
    }

    /** The arguments that point a node at the schema (PostgreSQL) or in-memory database (H2) named {@code name}, emptied. */
    public static List<String> arguments(String name) {
        if (TestDatabase.postgres()) {
            execute(postgresUrl(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            return postgres(postgresUrl(), name);
        }
        return List.of("--spring.datasource.url=jdbc:h2:mem:" + name + H2_MODE);
    }

    /** The arguments that point a node at a schema of a PostgreSQL database. */
    public static List<String> postgres(String jdbcUrl, String schema) {
        return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=5");
    }

    /** The arguments that point a node at an H2 file database (the embedded production setting). */
    public static List<String> h2File(Path file) {
        return List.of("--spring.datasource.url=" + h2FileUrl(file));
    }

    public static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + H2_MODE;
    }

    public static String postgresUrl() {
        String url = System.getenv(TestDatabase.URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(TestDatabase.URL_VARIABLE + " is not set");
        }
        return url;
    }

    public static void execute(String jdbcUrl, String... statements) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
