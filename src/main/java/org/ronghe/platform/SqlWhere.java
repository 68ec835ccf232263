package org.ronghe.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Builds the WHERE clause of a list query from optional filters, with named parameters only: no
 * value ever reaches the SQL text.
 */
public final class SqlWhere {

    private final List<String> clauses = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    public SqlWhere and(String clause) {
        clauses.add(clause);
        return this;
    }

    public SqlWhere and(String clause, Map<String, ?> values) {
        clauses.add(clause);
        values.forEach(params::addValue);
        return this;
    }

    public SqlWhere and(SqlClause clause) {
        return and(clause.sql(), clause.params());
    }

    /** Adds {@code column = :name} when the value is present. */
    public SqlWhere eq(String column, String name, Object value) {
        if (present(value)) {
            clauses.add(column + " = :" + name);
            params.addValue(name, value instanceof String s ? s.trim() : value);
        }
        return this;
    }

    /** Case-insensitive "contains" over one or more columns, when the text is present. */
    public SqlWhere contains(String name, String text, String... columns) {
        if (present(text)) {
            List<String> any = new ArrayList<>();
            for (String column : columns) {
                any.add("LOWER(" + column + ") LIKE :" + name + " ESCAPE '\\'");
            }
            clauses.add("(" + String.join(" OR ", any) + ")");
            params.addValue(name, "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return this;
    }

    /** How many conditions were added. */
    public int size() {
        return clauses.size();
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    public MapSqlParameterSource params() {
        return params;
    }

    /** The parameters plus paging, for the page query itself. */
    public MapSqlParameterSource params(PageQuery page) {
        MapSqlParameterSource copy = new MapSqlParameterSource(params.getValues());
        return copy.addValue("limit", page.size()).addValue("offset", page.offset());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** A fragment of SQL with its own named parameters, e.g. a data-scope predicate. */
    public record SqlClause(String sql, Map<String, ?> params) {

        public static final SqlClause TRUE = new SqlClause("1 = 1", Map.of());
        public static final SqlClause FALSE = new SqlClause("1 = 0", Map.of());
    }
}
