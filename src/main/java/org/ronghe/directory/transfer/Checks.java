package org.ronghe.directory.transfer;

import org.ronghe.platform.ImportError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-row checks for an import: which referenced codes exist (in the database or earlier in
 * the same file) and which keys repeat. Lookups go in chunks so a city-sized file stays within the
 * database's parameter limits.
 */
final class Checks {

    private static final int CHUNK = 1000;
    private static final Set<String> TABLES = Set.of("street", "community", "organ", "party_org", "leader", "category", "member");

    private final JdbcClient jdbc;
    private final List<ImportError> errors;

    Checks(JdbcClient jdbc, List<ImportError> errors) {
        this.jdbc = jdbc;
        this.errors = errors;
    }

    void error(int row, String column, String value, String message) {
        errors.add(new ImportError(row, column, value, message));
    }

    /** The codes among these that exist in the table. */
    Set<String> existing(String table, String codeColumn, Collection<String> codes) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Set<String> found = new HashSet<>();
        List<String> all = codes.stream().filter(c -> c != null).distinct().toList();
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(jdbc.sql("SELECT " + codeColumn + " FROM " + table + " WHERE " + codeColumn + " IN (:codes)")
                    .param("codes", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query(String.class).list());
        }
        return found;
    }

    /** Reports every row whose reference names a record that is neither stored nor in the file. */
    <R> void references(List<Sheet.Numbered<R>> rows, Function<R, String> reference, String column, String table,
                        Set<String> alsoKnown, String what) {
        Set<String> known = new HashSet<>(existing(table, "code", rows.stream().map(r -> reference.apply(r.value())).toList()));
        known.addAll(alsoKnown);
        for (Sheet.Numbered<R> row : rows) {
            String code = reference.apply(row.value());
            if (code != null && !known.contains(code)) {
                error(row.row(), column, code, what + "编码不存在：" + code);
            }
        }
    }

    /** Reports every repeat of a key within the file, naming the row it repeats. */
    <R> void unique(List<Sheet.Numbered<R>> rows, Function<R, String> key, String column) {
        Map<String, Integer> first = new HashMap<>();
        for (Sheet.Numbered<R> row : rows) {
            String k = key.apply(row.value());
            if (k == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(k, row.row());
            if (earlier != null) {
                error(row.row(), column, k, "与第 " + earlier + " 行重复");
            }
        }
    }

    static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
