package org.ronghe.directory.organ;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The party organisation tree: committees, general branches, branches, groups and temporary branches. */
@Repository
public class PartyOrgs {

    private static final String SELECT = """
            SELECT p.id, p.code, p.name, p.kind, p.parent_id, pp.code AS parent_code, pp.name AS parent_name,
                   p.organ_id, o.code AS organ_code, o.name AS organ_name,
                   p.community_id, c.code AS community_code, c.name AS community_name,
                   p.founded_on, p.term_years, p.last_election_on, p.has_committee, p.starts_on, p.ends_on, p.dissolved_on,
                   (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id) AS members,
                   (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL') AS full_members
            FROM party_org p
            LEFT JOIN party_org pp ON pp.id = p.parent_id
            LEFT JOIN organ o ON o.id = p.organ_id
            LEFT JOIN community c ON c.id = p.community_id""";
    private static final String FROM = " FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id";

    private final JdbcClient jdbc;

    PartyOrgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<PartyOrgRow> page(DataScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where.sql()).paramSource(where.params()).query(Long.class).single();
        return PageResult.of(query(where, " ORDER BY p.code LIMIT :limit OFFSET :offset", page), page, total);
    }

    public List<PartyOrgRow> all(DataScope scope, Filter filter) {
        return query(where(scope, filter), " ORDER BY p.code", null);
    }

    public Optional<PartyOrgRow> byCode(String code) {
        return query(new SqlWhere().eq("p.code", "code", code), "", null).stream().findFirst();
    }

    /** The organ's whole tree, roots first, each node followed by its children. */
    public List<TreeNode> treeOf(DataScope scope, long organId) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p")).eq("p.organ_id", "organ", organId);
        List<PartyOrgRow> rows = query(where, " ORDER BY p.code", null);
        Map<Long, TreeNode> nodes = new LinkedHashMap<>();
        rows.forEach(r -> nodes.put(r.id(), new TreeNode(r, new ArrayList<>())));
        List<TreeNode> roots = new ArrayList<>();
        for (TreeNode node : nodes.values()) {
            TreeNode parent = node.org().parentId() == null ? null : nodes.get(node.org().parentId());
            (parent == null ? roots : parent.children()).add(node);
        }
        return roots;
    }

    private SqlWhere where(DataScope scope, Filter f) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"))
                .eq("o.code", "organ", f.organ())
                .eq("p.kind", "kind", f.kind() == null ? null : f.kind().name())
                .contains("q", f.q(), "p.name", "p.code");
        if (Boolean.TRUE.equals(f.grassroots())) {
            where.and("p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND p.dissolved_on IS NULL");
        }
        return where;
    }

    private List<PartyOrgRow> query(SqlWhere where, String tail, PageQuery page) {
        MapSqlParameterSource params = page == null ? where.params() : where.params(page);
        return jdbc.sql(SELECT + where.sql() + tail)
                .paramSource(params)
                .query((rs, n) -> new PartyOrgRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        PartyOrgKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id", Long.class),
                        rs.getString("parent_code"), rs.getString("parent_name"),
                        (Long) rs.getObject("organ_id", Long.class), rs.getString("organ_code"), rs.getString("organ_name"),
                        (Long) rs.getObject("community_id", Long.class), rs.getString("community_code"),
                        rs.getString("community_name"), rs.getObject("founded_on", LocalDate.class),
                        (Integer) rs.getObject("term_years", Integer.class), rs.getObject("last_election_on", LocalDate.class),
                        rs.getBoolean("has_committee"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getObject("dissolved_on", LocalDate.class),
                        rs.getLong("members"), rs.getLong("full_members")))
                .list();
    }

    /**
     * @param grassroots only committees, general branches and branches still in being (the counted ones)
     */
    public record Filter(String q, String organ, PartyOrgKind kind, Boolean grassroots) {
    }

    public record TreeNode(PartyOrgRow org, List<TreeNode> children) {
    }

    public record PartyOrgRow(long id, String code, String name, PartyOrgKind kind, Long parentId, String parentCode,
                              String parentName, Long organId, String organCode, String organName, Long communityId,
                              String communityCode, String communityName, LocalDate foundedOn, Integer termYears,
                              LocalDate lastElectionOn, boolean hasCommittee, LocalDate startsOn, LocalDate endsOn,
                              LocalDate dissolvedOn, long members, long fullMembers) {

        /** When the current term runs out: last election (or founding) plus the term. */
        @JsonProperty
        public LocalDate termEndsOn() {
            LocalDate from = lastElectionOn != null ? lastElectionOn : foundedOn;
            return termYears == null || termYears <= 0 || from == null ? null : from.plusYears(termYears);
        }
    }
}
