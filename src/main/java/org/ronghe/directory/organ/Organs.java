package org.ronghe.directory.organ;

import com.fasterxml.jackson.annotation.JsonProperty;
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

/** Organs with their duties and the counts of their party tree, members, cadres and pairings. */
@Repository
public class Organs {

    private static final String SELECT = """
            SELECT o.id, o.code, o.name, o.staff_count,
                   (SELECT COUNT(*) FROM party_org p WHERE p.organ_id = o.id
                       AND p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND p.dissolved_on IS NULL) AS party_orgs,
                   (SELECT COUNT(*) FROM member m WHERE m.organ_id = o.id AND %1$s) AS members,
                   (SELECT COUNT(*) FROM member m WHERE m.organ_id = o.id AND m.party_affairs_role IS NOT NULL AND %1$s) AS cadres,
                   (SELECT COUNT(*) FROM pairing r WHERE r.organ_id = o.id AND r.ended_on IS NULL) AS paired_communities
            FROM organ o""";

    private final JdbcClient jdbc;

    Organs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<OrganRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM organ o" + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(withDuties(query(scope, where, " ORDER BY o.code LIMIT :limit OFFSET :offset", page)), page, total);
    }

    public List<OrganRow> all(DataScope scope, Filter filter) {
        return withDuties(query(scope, where(scope, filter), " ORDER BY o.code", null));
    }

    public Optional<OrganRow> byCode(DataScope scope, String code) {
        return withDuties(query(scope, new SqlWhere().eq("o.code", "code", code), "", null)).stream().findFirst();
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.organs("o.id")).contains("q", f.q(), "o.name", "o.code");
        if (f.category() != null && !f.category().isBlank()) {
            where.and("EXISTS (SELECT 1 FROM organ_duty d WHERE d.organ_id = o.id AND d.category_code = :category)",
                    Map.of("category", f.category().trim()));
        }
        return where;
    }

    private List<OrganRow> query(DataScope scope, SqlWhere where, String tail, PageQuery page) {
        SqlWhere.SqlClause members = scope.members("m");
        MapSqlParameterSource params = page == null ? where.params() : where.params(page);
        members.params().forEach(params::addValue);
        return jdbc.sql(SELECT.formatted(members.sql()) + where.sql() + tail)
                .paramSource(params)
                .query((rs, n) -> new OrganRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("staff_count"), List.of(), rs.getLong("party_orgs"), rs.getLong("members"),
                        rs.getLong("cadres"), rs.getLong("paired_communities")))
                .list();
    }

    private List<OrganRow> withDuties(List<OrganRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Duty>> duties = jdbc.sql("""
                        SELECT d.organ_id, c.code, c.name FROM organ_duty d JOIN category c ON c.code = d.category_code
                        WHERE d.organ_id IN (:ids) ORDER BY c.code""")
                .param("ids", rows.stream().map(OrganRow::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new Duty(rs.getString(2), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> r.withDuties(duties.getOrDefault(r.id(), List.of()))).toList();
    }

    /** The call categories, for filters and the organ import. */
    public List<Duty> categories() {
        return jdbc.sql("SELECT code, name FROM category ORDER BY code")
                .query((rs, n) -> new Duty(rs.getString(1), rs.getString(2))).list();
    }

    public record Filter(String q, String category) {
    }

    public record Duty(String code, String name) {
    }

    public record OrganRow(long id, String code, String name, int staffCount, List<Duty> duties, long partyOrgs,
                           long members, long cadres, long pairedCommunities) {

        OrganRow withDuties(List<Duty> list) {
            return new OrganRow(id, code, name, staffCount, list, partyOrgs, members, cadres, pairedCommunities);
        }

        /** Cadres per hundred staff, the figure the 1 % rule reads. */
        @JsonProperty
        public double cadrePercent() {
            return staffCount == 0 ? 0 : 100.0 * cadres / staffCount;
        }
    }
}
