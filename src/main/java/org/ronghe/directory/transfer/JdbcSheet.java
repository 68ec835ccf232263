package org.ronghe.directory.transfer;

import org.ronghe.platform.Labelled;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the sheets share: batched writes and loading stored rows by key. */
abstract class JdbcSheet<R> implements Sheet<R> {

    protected final JdbcClient jdbc;
    protected final NamedParameterJdbcTemplate batch;

    protected JdbcSheet(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    protected void batch(String sql, List<R> rows, Function<R, Map<String, ?>> params) {
        if (rows.isEmpty()) {
            return;
        }
        for (List<R> chunk : Checks.chunks(rows)) {
            batch.batchUpdate(sql, chunk.stream()
                    .map(r -> new MapSqlParameterSource(new HashMap<>(params.apply(r))))
                    .toArray(MapSqlParameterSource[]::new));
        }
    }

    protected Map<String, R> load(String sql, Collection<String> keys, RowMapper<R> mapper) {
        Map<String, R> found = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql(sql).param("keys", keys).query(mapper).list().forEach(r -> found.put(key(r), r));
        return found;
    }

    /** A map that keeps nulls, for SQL parameters and audit states. */
    protected static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    protected static String pair(String a, String b) {
        return a + "|" + b;
    }

    protected static Object label(org.ronghe.platform.Labelled value) {
        return value == null ? null : value.label();
    }

    protected static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    protected static String yesNo(boolean value) {
        return value ? "是" : "否";
    }
}
