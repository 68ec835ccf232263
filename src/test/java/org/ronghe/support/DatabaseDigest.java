package org.ronghe.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * A cheap fingerprint of everything stored: for each table of the schema, its row count and a hash
 * of its rows (sorted, so the order a database returns them in does not matter). Two digests that
 * are equal mean nothing was written in between. Tables are found in the catalogue, so a table a
 * later migration adds is covered without changing this class.
 * <p>
 * Left out: Flyway's history, page sessions (opening a page with a form makes one, for its CSRF
 * token), and the audit log's records of sign-ins (a refused password is recorded, and that is a
 * record of the attempt, not a change of business data).
 */
public final class DatabaseDigest {

    private static final Set<String> IGNORED = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes");
    private static final Map<String, String> FILTERED = Map.of("audit_log", "action NOT LIKE 'LOGIN_%'");

    private DatabaseDigest() {
    }

    /** The tables whose digest differs, each as "table: before → after"; empty when nothing was written. */
    public static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        new java.util.TreeSet<>(java.util.Set.copyOf(after.keySet())).forEach(t -> {
            if (!after.get(t).equals(before.get(t))) {
                changes.add(t + ": " + before.get(t) + " → " + after.get(t));
            }
        });
        before.keySet().stream().filter(t -> !after.containsKey(t)).forEach(t -> changes.add(t + ": gone"));
        return changes;
    }

    /** Table name → "rows:hash". */
    public static Map<String, String> of(DataSource dataSource) {
        return digest(dataSource, IGNORED, FILTERED);
    }

    /** Table name → "rows:hash" of every table and every row, Flyway's history and the sessions included (a restored copy). */
    public static Map<String, String> everything(DataSource dataSource) {
        return digest(dataSource, Set.of(), Map.of());
    }

    private static Map<String, String> digest(DataSource dataSource, Set<String> ignored, Map<String, String> filtered) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> digest = new TreeMap<>();
            for (String table : tables(connection, ignored)) {
                String where = filtered.get(table);
                digest.put(table, table(connection, "SELECT * FROM " + table + (where == null ? "" : " WHERE " + where)));
            }
            return digest;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection connection, Set<String> ignored) throws SQLException {
        List<String> tables = new ArrayList<>();
        String schema = connection.getSchema();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), schema, "%",
                new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!ignored.contains(name)) {
                    tables.add(name);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + schema);
        }
        return tables;
    }

    private static String table(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    row.append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)).append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> sha.update((r + '\u001e').getBytes(StandardCharsets.UTF_8)));
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
