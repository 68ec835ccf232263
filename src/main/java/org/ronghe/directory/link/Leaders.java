package org.ronghe.directory.link;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.Masking;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** District leaders and the streets each liaises with. */
@Repository
public class Leaders {

    private final JdbcClient jdbc;
    private final PersonalData personal;

    Leaders(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    public PageResult<LeaderRow> page(DataScope scope, String q, PageQuery page) {
        SqlWhere where = where(scope, q);
        long total = jdbc.sql("SELECT COUNT(*) FROM leader d" + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(query(scope, where, " ORDER BY d.code LIMIT :limit OFFSET :offset", page), page, total);
    }

    public List<LeaderRow> all(DataScope scope, String q) {
        return query(scope, where(scope, q), " ORDER BY d.code", null);
    }

    public Optional<LeaderRow> byCode(DataScope scope, String code) {
        return query(scope, new SqlWhere().eq("d.code", "code", code), "", null).stream().findFirst();
    }

    private SqlWhere where(DataScope scope, String q) {
        return new SqlWhere().and(scope.leaders("d.id")).contains("q", q, "d.name", "d.code", "d.title");
    }

    private List<LeaderRow> query(DataScope scope, SqlWhere where, String tail, PageQuery page) {
        List<LeaderRow> rows = jdbc.sql("SELECT d.id, d.code, d.name, d.title, d.phone FROM leader d" + where.sql() + tail)
                .paramSource(page == null ? where.params() : where.params(page))
                .query((rs, n) -> new LeaderRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        phone(scope, personal.open(PersonalData.LEADER_PHONE, rs.getString(5))), List.of()))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        // Only the streets the viewer may see: a leader liaising with several streets must not reveal the others.
        SqlWhere.SqlClause visible = scope.streets("s.id");
        Map<Long, List<String>> streets = jdbc.sql("""
                        SELECT l.leader_id, s.name FROM liaison l JOIN street s ON s.id = l.street_id
                        WHERE l.leader_id IN (:ids) AND l.ended_on IS NULL""" + " AND " + visible.sql() + " ORDER BY s.code")
                .param("ids", rows.stream().map(LeaderRow::id).toList())
                .params(visible.params())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> new LeaderRow(r.id(), r.code(), r.name(), r.title(), r.phone(),
                streets.getOrDefault(r.id(), List.of()))).toList();
    }

    private static String phone(DataScope scope, String phone) {
        return scope.personalDataAll() ? phone : Masking.phone(phone);
    }

    public record LeaderRow(long id, String code, String name, String title, String phone, List<String> streets) {
    }
}
