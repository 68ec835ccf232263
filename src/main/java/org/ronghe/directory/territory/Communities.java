package org.ronghe.directory.territory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Communities with their grids, resident members (as far as the viewer may see them) and paired organs. */
@Repository
public class Communities {

    private static final String SELECT = """
            SELECT c.id, c.code, c.name, s.code AS street_code, s.name AS street_name, c.households, c.population,
                   c.latitude, c.longitude,
                   (SELECT COUNT(*) FROM grid g WHERE g.community_id = c.id) AS grids,
                   (SELECT COUNT(*) FROM member m WHERE m.community_id = c.id AND %s) AS resident_members
            FROM community c JOIN street s ON s.id = c.street_id""";

    private final JdbcClient jdbc;

    Communities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<CommunityRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM community c JOIN street s ON s.id = c.street_id" + where.sql())
                .paramSource(where.params()).query(Long.class).single();
        return PageResult.of(withOrgans(query(scope, where, " ORDER BY c.code LIMIT :limit OFFSET :offset", page)), page, total);
    }

    public List<CommunityRow> all(DataScope scope, Filter filter) {
        return withOrgans(query(scope, where(scope, filter), " ORDER BY c.code", null));
    }

    public Optional<CommunityRow> byCode(DataScope scope, String code) {
        return withOrgans(query(scope, new SqlWhere().eq("c.code", "code", code), "", null)).stream().findFirst();
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.communities("c.id"))
                .eq("s.code", "street", f.street())
                .contains("q", f.q(), "c.name", "c.code");
        if (Boolean.TRUE.equals(f.paired())) {
            where.and("EXISTS (SELECT 1 FROM pairing r WHERE r.community_id = c.id AND r.ended_on IS NULL)");
        }
        return where;
    }

    private List<CommunityRow> query(DataScope scope, SqlWhere where, String tail, PageQuery page) {
        SqlWhere.SqlClause members = scope.members("m");
        MapSqlParameterSource params = page == null ? where.params() : where.params(page);
        members.params().forEach(params::addValue);
        return jdbc.sql(SELECT.formatted(members.sql()) + where.sql() + tail)
                .paramSource(params)
                .query((rs, n) -> new CommunityRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("street_code"), rs.getString("street_name"), rs.getInt("households"),
                        rs.getInt("population"), (Double) rs.getObject("latitude", Double.class),
                        (Double) rs.getObject("longitude", Double.class), rs.getLong("grids"),
                        rs.getLong("resident_members"), List.of()))
                .list();
    }

    private List<CommunityRow> withOrgans(List<CommunityRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> organs = jdbc.sql("""
                        SELECT p.community_id, o.name FROM pairing p JOIN organ o ON o.id = p.organ_id
                        WHERE p.community_id IN (:ids) AND p.ended_on IS NULL ORDER BY o.code""")
                .param("ids", rows.stream().map(CommunityRow::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> r.withOrgans(organs.getOrDefault(r.id(), List.of()))).toList();
    }

    /** @param paired only communities with an organ paired to them */
    public record Filter(String q, String street, Boolean paired) {
    }

    public record CommunityRow(long id, String code, String name, String streetCode, String streetName, int households,
                               int population, Double latitude, Double longitude, long grids, long residentMembers,
                               List<String> pairedOrgans) {

        CommunityRow withOrgans(List<String> organs) {
            return new CommunityRow(id, code, name, streetCode, streetName, households, population, latitude, longitude,
                    grids, residentMembers, organs);
        }
    }
}
