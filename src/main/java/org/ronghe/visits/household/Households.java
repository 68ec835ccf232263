package org.ronghe.visits.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.PersonalData;
import org.ronghe.platform.SqlWhere;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.ronghe.visits.VisitScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The households, read within a person's scope and written in batches (imports, the demo district). */
@Repository
public class Households {

    private static final String SELECT = """
            SELECT h.id, h.code, h.community_id, c.code AS community_code, c.name AS community_name, h.grid_id,
                   g.code AS grid_code, h.compound, h.building, h.address, h.head_name, h.head_phone%s
            FROM household h JOIN community c ON c.id = h.community_id LEFT JOIN grid g ON g.id = h.grid_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PersonalData personal;

    Households(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PersonalData personal) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.personal = personal;
    }

    /**
     * @param community a community code
     * @param q         part of the address, compound, building, head's name or household code
     * @param visited   only households visited at least once ({@code true}), or never ({@code false})
     * @param followedUp only households that heard back on a problem (回访)
     */
    public record Filter(String community, String q, Boolean visited, Boolean followedUp, Boolean mine, boolean toVisit) {

        public Filter(String community, String q, Boolean visited, Boolean followedUp, Boolean mine) {
            this(community, q, visited, followedUp, mine, false);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        /** The households the person may go and visit that match the words (the visit form's search). */
        public static Filter toVisit(String q) {
            return new Filter(null, q, null, null, null, true);
        }
    }

    /** A household as a list shows it, with whether the viewer is assigned to visit it now (which unmasks its phone). */
    public record Listed(Household household, boolean assignedToMe, int visits) {
    }

    public PageResult<Listed> page(VisitScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.sql("SELECT COUNT(*) FROM household h JOIN community c ON c.id = h.community_id" + where.sql())
                .paramSource(where.params()).query(Long.class).single();
        List<Listed> rows = jdbc.sql(select(scope) + where.sql() + " ORDER BY h.community_id, h.id LIMIT :limit OFFSET :offset")
                .paramSource(where.params(page)).query((rs, n) -> listed(rs)).list();
        return PageResult.of(rows, page, total);
    }

    public void forEach(VisitScope scope, Filter filter, Consumer<Listed> sink) {
        SqlWhere where = where(scope, filter);
        jdbc.sql(select(scope) + where.sql() + " ORDER BY h.community_id, h.id").paramSource(where.params())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(listed(rs)));
    }

    public Optional<Listed> find(VisitScope scope, long id) {
        return find(scope, id, Filter.none());
    }

    /** A household the person may go and visit (see {@link VisitScope#visitable}). */
    public Optional<Listed> findToVisit(VisitScope scope, long id) {
        return find(scope, id, Filter.toVisit(null));
    }

    private Optional<Listed> find(VisitScope scope, long id, Filter filter) {
        SqlWhere where = where(scope, filter).and("h.id = :household", Map.of("household", id));
        return jdbc.sql(select(scope) + where.sql()).paramSource(where.params()).query((rs, n) -> listed(rs)).optional();
    }

    public Optional<Household> find(long id) {
        return jdbc.sql(SELECT.formatted("") + " WHERE h.id = :id").param("id", id).query((rs, n) -> household(rs)).optional();
    }

    public Map<String, Long> idsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("SELECT code, id FROM household WHERE code IN (:codes)").param("codes", codes)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        return ids;
    }

    /** A household to store, with references as ids. */
    public record Row(String code, long communityId, Long gridId, String compound, String building, String address, String headName,
                      String headPhone) {
    }

    public void insert(List<Row> rows, Instant now) {
        write("""
                INSERT INTO household (code, community_id, grid_id, compound, building, address, head_name, head_phone, created_at)
                VALUES (:code, :community, :grid, :compound, :building, :address, :head, :phone, :now)""", rows, now);
    }

    public void update(List<Row> rows) {
        write("""
                UPDATE household SET community_id = :community, grid_id = :grid, compound = :compound, building = :building,
                       address = :address, head_name = :head, head_phone = :phone WHERE code = :code""", rows, null);
    }

    /** Counts the communities' households again (after an import): coverage divides by these. */
    public void recount(Collection<Long> communities) {
        if (communities.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM household_tally WHERE community_id IN (:c)").param("c", communities).update();
        jdbc.sql("""
                INSERT INTO household_tally (community_id, households)
                SELECT community_id, COUNT(*) FROM household WHERE community_id IN (:c) GROUP BY community_id""")
                .param("c", communities).update();
    }

    private void write(String sql, List<Row> rows, Instant now) {
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)).stream().map(r -> {
                Map<String, Object> p = new HashMap<>();
                p.put("code", r.code());
                p.put("community", r.communityId());
                p.put("grid", r.gridId());
                p.put("compound", r.compound());
                p.put("building", r.building());
                p.put("address", r.address());
                p.put("head", r.headName());
                p.put("phone", personal.seal(PersonalData.HOUSEHOLD_PHONE, r.headPhone()));
                p.put("now", now == null ? null : java.sql.Timestamp.from(now));
                return new MapSqlParameterSource(p);
            }).toArray(MapSqlParameterSource[]::new));
        }
    }

    private static SqlWhere where(VisitScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(filter.toVisit() ? scope.visitable("h") : scope.households("h"))
                .eq("c.code", "community", filter.community())
                .contains("q", filter.q(), "h.address", "h.compound", "h.building", "h.head_name", "h.code");
        if (filter.visited() != null) {
            // Visited by the visits the person sees, so the list equals the figure counted from those visits.
            SqlClause visits = scope.visits("fv");
            where.and((filter.visited() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM visit fv WHERE fv.household_id = h.id AND " + visits.sql() + ")",
                    visits.params());
        }
        if (Boolean.TRUE.equals(filter.followedUp())) {
            SqlClause problems = scope.visits("fp");
            where.and("EXISTS (SELECT 1 FROM visit_problem fp WHERE fp.household_id = h.id AND fp.state = 'FOLLOWED_UP' AND "
                    + problems.sql() + ")", problems.params());
        }
        if (Boolean.TRUE.equals(filter.mine()) && scope.member() != null) {
            where.and("EXISTS (SELECT 1 FROM visit_assignment a JOIN visit_campaign vc ON vc.id = a.campaign_id"
                    + " WHERE a.household_id = h.id AND a.member_id = :scope_me AND vc.state = 'OPEN')");
        }
        mine(scope, where.params());
        return where;
    }

    private String select(VisitScope scope) {
        String assigned = scope.member() != null ? "a.member_id = :me_m" : scope.leader() != null ? "a.leader_id = :me_l" : null;
        String extra = ", " + (assigned == null ? "FALSE" : "EXISTS (SELECT 1 FROM visit_assignment a JOIN visit_campaign vc ON vc.id = a.campaign_id"
                + " WHERE a.household_id = h.id AND vc.state = 'OPEN' AND " + assigned + ")") + " AS assigned_to_me"
                + ", (SELECT COUNT(*) FROM visit v WHERE v.household_id = h.id) AS visit_count";
        return SELECT.formatted(extra);
    }

    private static void mine(VisitScope scope, MapSqlParameterSource params) {
        if (scope.member() != null) {
            params.addValue("me_m", scope.member());
        }
        if (scope.leader() != null) {
            params.addValue("me_l", scope.leader());
        }
    }

    private Listed listed(ResultSet rs) throws SQLException {
        return new Listed(household(rs), rs.getBoolean("assigned_to_me"), rs.getInt("visit_count"));
    }

    private Household household(ResultSet rs) throws SQLException {
        return new Household(rs.getLong("id"), rs.getString("code"), rs.getLong("community_id"), rs.getString("community_code"),
                rs.getString("community_name"), (Long) rs.getObject("grid_id", Long.class), rs.getString("grid_code"),
                rs.getString("compound"), rs.getString("building"), rs.getString("address"), rs.getString("head_name"),
                personal.open(PersonalData.HOUSEHOLD_PHONE, rs.getString("head_phone")));
    }
}
