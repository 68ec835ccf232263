package org.ronghe.visits.visit;

import java.util.List;
import java.util.Map;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.ronghe.visits.VisitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage and follow-through (households visited ÷ households, problems heard, resolved, households
 * followed up) per community, organ, party organisation or member, added up from {@code visit_tally}.
 * A community divides by its households; a visitor (or a group of them) by the households assigned.
 */
@Component
public class Coverage {

    public enum By {
        COMMUNITY("community", "c.id", "c.code", "c.name", "community c"),
        ORGAN("organ", "o.id", "o.code", "o.name", "organ o"),
        PARTY_ORG("party-org", "p.id", "p.code", "p.name", "party_org p"),
        MEMBER("member", "m.id", "m.code", "m.name", "member m"),
        LEADER("leader", "d.id", "d.code", "d.name", "leader d");

        private final String param;
        final String id;
        final String code;
        final String name;
        final String table;

        By(String param, String id, String code, String name, String table) {
            this.param = param;
            this.id = id;
            this.code = code;
            this.name = name;
            this.table = table;
        }

        public String param() {
            return param;
        }

        public static By of(String text) {
            if (text == null || text.isBlank()) {
                return COMMUNITY;
            }
            for (By by : values()) {
                if (by.param.equalsIgnoreCase(text.trim()) || by.name().equalsIgnoreCase(text.trim())) {
                    return by;
                }
            }
            throw new IllegalArgumentException("统计维度应为 community、organ、party-org、member 或 leader：" + text);
        }

        String column() {
            return switch (this) {
                case COMMUNITY -> "community_id";
                case ORGAN -> "organ_id";
                case PARTY_ORG -> "party_org_id";
                case MEMBER -> "member_id";
                case LEADER -> "leader_id";
            };
        }
    }

    /**
     * @param households the community's households (for a community), else the households assigned
     */
    public record Row(long id, String code, String name, long households, long assigned, long visits, long visited, long problems,
                      long resolved, long followedUp) {

        /** Households visited ÷ households, or {@code null} when there is nothing to divide by. */
        public Double coverage() {
            return households == 0 ? null : Math.min(1.0, (double) visited / households);
        }
    }

    public record Totals(long households, long assigned, long visits, long visited, long problems, long resolved, long followedUp) {

        public Double coverage() {
            return households == 0 ? null : Math.min(1.0, (double) visited / households);
        }
    }

    private final JdbcClient jdbc;

    Coverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param campaign a campaign id, or {@code null} for every campaign and the visits outside them */
    public PageResult<Row> rows(VisitScope scope, Long campaign, By by, PageQuery page) {
        SqlWhere tally = tallyWhere(scope, campaign);
        String sums = "SELECT t." + by.column() + " AS k, SUM(t.assigned) AS assigned, SUM(t.visits) AS visits, SUM(t.households) AS visited,"
                + " SUM(t.problems) AS problems, SUM(t.resolved) AS resolved, SUM(t.followed_up) AS followed_up FROM visit_tally t"
                + tally.sql() + " GROUP BY t." + by.column();
        String sql;
        SqlWhere driver = new SqlWhere();
        if (by == By.PARTY_ORG) {
            // A committee or general branch visits through the branches below it: each row of a branch's members counts for the
            // branch and for each organisation above it (the tree is at most three grassroots levels deep).
            String columns = "SUM(t.assigned) AS assigned, SUM(t.visits) AS visits, SUM(t.households) AS visited, SUM(t.problems) AS problems,"
                    + " SUM(t.resolved) AS resolved, SUM(t.followed_up) AS followed_up";
            String from = " FROM visit_tally t JOIN party_org b ON b.id = t.party_org_id";
            String scoped = tally.sql().isEmpty() ? " WHERE 1 = 1" : tally.sql();
            sums = "SELECT k, SUM(assigned) AS assigned, SUM(visits) AS visits, SUM(visited) AS visited, SUM(problems) AS problems,"
                    + " SUM(resolved) AS resolved, SUM(followed_up) AS followed_up FROM ("
                    + "SELECT b.id AS k, " + columns + from + scoped + " GROUP BY b.id"
                    + " UNION ALL SELECT b.parent_id AS k, " + columns + from + scoped + " AND b.parent_id IS NOT NULL GROUP BY b.parent_id"
                    + " UNION ALL SELECT g.parent_id AS k, " + columns + from + " JOIN party_org g ON g.id = b.parent_id" + scoped
                    + " AND g.parent_id IS NOT NULL GROUP BY g.parent_id) u GROUP BY k";
            driver.and("s.visits > 0").and("p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH')").and("p.dissolved_on IS NULL")
                    .and(scope.scope().partyOrgs("p"));
            sql = "SELECT p.id, p.code, p.name, s.assigned AS households, s.assigned, s.visits, s.visited, s.problems, s.resolved,"
                    + " s.followed_up FROM (" + sums + ") s JOIN party_org p ON p.id = s.k" + driver.sql();
        } else if (by == By.COMMUNITY) {
            // Every community in the scope, visited or not: an unvisited community is what coverage is for.
            driver.and(scope.scope().communities("c.id"));
            sql = "SELECT c.id, c.code, c.name, COALESCE(ht.households, 0) AS households, s.assigned, s.visits, s.visited, s.problems,"
                    + " s.resolved, s.followed_up FROM community c LEFT JOIN household_tally ht ON ht.community_id = c.id"
                    + " LEFT JOIN (" + sums + ") s ON s.k = c.id" + driver.sql();
        } else {
            // Visitors are shown as the directory shows them: an organ's secretary its own organ's, a member themself.
            driver.and("s.visits > 0").and(switch (by) {
                case ORGAN -> scope.scope().organs("o.id");
                case MEMBER -> scope.scope().members("m");
                default -> scope.scope().leaders("d.id");
            });
            sql = "SELECT " + by.id + " AS id, " + by.code + " AS code, " + by.name + " AS name, s.assigned AS households, s.assigned,"
                    + " s.visits, s.visited, s.problems, s.resolved, s.followed_up FROM (" + sums + ") s JOIN " + by.table
                    + " ON " + by.id + " = s.k" + driver.sql();
        }
        Map<String, Object> params = new java.util.HashMap<>(tally.params().getValues());
        params.putAll(driver.params().getValues());
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + sql + ") x").params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Row> rows = jdbc.sql(sql + " ORDER BY 2 LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("households"),
                        rs.getLong("assigned"), rs.getLong("visits"), rs.getLong("visited"), rs.getLong("problems"), rs.getLong("resolved"),
                        rs.getLong("followed_up"))).list();
        return PageResult.of(rows, page, total);
    }

    /** How many rows the coverage by this dimension has over every campaign: the visiting organisations, members, …. */
    public long count(VisitScope scope, By by) {
        return rows(scope, null, by, new PageQuery(1, 1)).total();
    }

    /** The whole of what the person sees: households of the communities in scope against those visited. */
    public Totals totals(VisitScope scope, Long campaign) {
        SqlWhere tally = tallyWhere(scope, campaign);
        SqlClause communities = scope.scope().communities("ht.community_id");
        long households = jdbc.sql("SELECT COALESCE(SUM(ht.households), 0) FROM household_tally ht WHERE " + communities.sql())
                .params(communities.params()).query(Long.class).single();
        return jdbc.sql("SELECT COALESCE(SUM(t.assigned), 0), COALESCE(SUM(t.visits), 0), COALESCE(SUM(t.households), 0),"
                        + " COALESCE(SUM(t.problems), 0), COALESCE(SUM(t.resolved), 0), COALESCE(SUM(t.followed_up), 0) FROM visit_tally t"
                        + tally.sql()).paramSource(tally.params())
                .query((rs, n) -> new Totals(households, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).single();
    }

    private static SqlWhere tallyWhere(VisitScope scope, Long campaign) {
        SqlWhere where = new SqlWhere().and(scope.visits("t"));
        if (campaign != null) {
            where.and("t.campaign_id = :campaign", Map.of("campaign", campaign));
        }
        return where;
    }
}
