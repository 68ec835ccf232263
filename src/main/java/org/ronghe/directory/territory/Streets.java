package org.ronghe.directory.territory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The district's streets, each with the totals of the communities the viewer may see. */
@Repository
public class Streets {

    private static final String SELECT = """
            SELECT s.id, s.code, s.name, COALESCE(a.communities, 0) AS communities, COALESCE(a.grids, 0) AS grids,
                   COALESCE(a.households, 0) AS households, COALESCE(a.population, 0) AS population
            FROM street s
            LEFT JOIN (SELECT c.street_id, COUNT(*) AS communities, SUM(c.households) AS households,
                              SUM(c.population) AS population, SUM(COALESCE(g.n, 0)) AS grids
                       FROM community c
                       LEFT JOIN (SELECT community_id, COUNT(*) AS n FROM grid GROUP BY community_id) g
                              ON g.community_id = c.id
                       WHERE %s
                       GROUP BY c.street_id) a ON a.street_id = s.id""";

    private final JdbcClient jdbc;

    Streets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<StreetRow> page(DataScope scope, String q, PageQuery page) {
        SqlWhere where = where(scope, q);
        long total = jdbc.sql("SELECT COUNT(*) FROM street s" + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<StreetRow> rows = query(scope, where, " ORDER BY s.code LIMIT :limit OFFSET :offset", page);
        return PageResult.of(withLeaders(rows), page, total);
    }

    public List<StreetRow> all(DataScope scope, String q) {
        return withLeaders(query(scope, where(scope, q), " ORDER BY s.code", null));
    }

    public Optional<StreetRow> byCode(DataScope scope, String code) {
        SqlWhere where = new SqlWhere().eq("s.code", "code", code);
        return withLeaders(query(scope, where, "", null)).stream().findFirst();
    }

    private SqlWhere where(DataScope scope, String q) {
        return new SqlWhere().and(scope.streets("s.id")).contains("q", q, "s.name", "s.code");
    }

    private List<StreetRow> query(DataScope scope, SqlWhere where, String tail, PageQuery page) {
        SqlWhere.SqlClause inScope = scope.communities("c.id");
        var params = page == null ? where.params() : where.params(page);
        inScope.params().forEach(params::addValue);
        return jdbc.sql(SELECT.formatted(inScope.sql()) + where.sql() + tail)
                .paramSource(params)
                .query((rs, n) -> new StreetRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getLong("communities"), rs.getLong("grids"), rs.getLong("households"),
                        rs.getLong("population"), List.of()))
                .list();
    }

    /** Names the leaders liaising with each street, in one query for the whole page. */
    private List<StreetRow> withLeaders(List<StreetRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> leaders = jdbc.sql("""
                        SELECT l.street_id, d.name FROM liaison l JOIN leader d ON d.id = l.leader_id
                        WHERE l.street_id IN (:ids) AND l.ended_on IS NULL ORDER BY d.code""")
                .param("ids", rows.stream().map(StreetRow::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> r.withLeaders(leaders.getOrDefault(r.id(), List.of()))).toList();
    }

    public record StreetRow(long id, String code, String name, long communities, long grids, long households,
                            long population, List<String> leaders) {

        StreetRow withLeaders(List<String> names) {
            return new StreetRow(id, code, name, communities, grids, households, population, names);
        }
    }
}
