package org.ronghe.directory.territory;

import java.util.List;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Grids {

    private static final String FROM = " FROM grid g JOIN community c ON c.id = g.community_id JOIN street s ON s.id = c.street_id";
    private final JdbcClient jdbc;

    Grids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<GridRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(query(where, " ORDER BY g.code LIMIT :limit OFFSET :offset", page), page, total);
    }

    public List<GridRow> all(DataScope scope, Filter filter) {
        return query(where(scope, filter), " ORDER BY g.code", null);
    }

    private SqlWhere where(DataScope scope, Filter f) {
        return new SqlWhere().and(scope.communities("c.id"))
                .eq("c.code", "community", f.community())
                .eq("s.code", "street", f.street())
                .contains("q", f.q(), "g.name", "g.code");
    }

    private List<GridRow> query(SqlWhere where, String tail, PageQuery page) {
        return jdbc.sql("SELECT g.id, g.code, g.name, c.code AS community_code, c.name AS community_name, s.name AS street_name"
                        + FROM + where.sql() + tail)
                .paramSource(page == null ? where.params() : where.params(page))
                .query((rs, n) -> new GridRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("community_code"), rs.getString("community_name"), rs.getString("street_name")))
                .list();
    }

    public record Filter(String q, String community, String street) {
    }

    public record GridRow(long id, String code, String name, String communityCode, String communityName, String streetName) {
    }
}
