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

        /** The tally column the dimension groups by (a party organisation's sums start at the members' branches). */
        String sourceColumn() {
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

    /**
     * Adds the tally rows up by the dimension in one grouped query, rolls branches up to the organisations above
     * them, and lays the sums beside the entities the person may see (names, codes and households read apart:
     * joining a grouped subquery makes H2 group again for every outer row).
     *
     * @param campaign a campaign id, or {@code null} for every campaign and the visits outside them
     */
    public PageResult<Row> rows(VisitScope scope, Long campaign, By by, PageQuery page) {
        List<Row> rows = all(scope, campaign, by);
        int from = (int) Math.min(rows.size(), page.offset());
        return PageResult.of(rows.subList(from, Math.min(rows.size(), from + page.size())), page, rows.size());
    }

    /** Every row of the dimension the person sees (a page holds at most {@link PageQuery#MAX_SIZE}; a map needs them all). */
    public List<Row> all(VisitScope scope, Long campaign, By by) {
        SqlWhere tally = tallyWhere(scope, campaign);
        Map<Long, long[]> sums = new java.util.HashMap<>();
        jdbc.sql("SELECT t." + by.sourceColumn() + ", SUM(t.assigned), SUM(t.visits), SUM(t.households), SUM(t.problems),"
                        + " SUM(t.resolved), SUM(t.followed_up) FROM visit_tally t" + tally.sql() + " GROUP BY t." + by.sourceColumn())
                .paramSource(tally.params()).query((rs, n) -> {
                    long key = rs.getLong(1);
                    if (!rs.wasNull()) {
                        sums.put(key, new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)});
                    }
                    return null;
                }).list();
        if (by == By.PARTY_ORG) {
            rollUp(sums);
        }
        SqlClause visible = switch (by) {
            case COMMUNITY -> scope.scope().communities("c.id");
            case ORGAN -> scope.scope().organs("o.id");
            case PARTY_ORG -> scope.scope().partyOrgs("p");
            case MEMBER -> scope.scope().members("m");
            case LEADER -> scope.scope().leaders("d.id");
        };
        String households = by == By.COMMUNITY ? "COALESCE((SELECT ht.households FROM household_tally ht WHERE ht.community_id = c.id), 0)" : "0";
        String kinds = by == By.PARTY_ORG ? " AND p.kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND p.dissolved_on IS NULL" : "";
        List<Row> rows = new java.util.ArrayList<>();
        jdbc.sql("SELECT " + by.id + ", " + by.code + ", " + by.name + ", " + households + " FROM " + by.table + " WHERE " + visible.sql() + kinds
                        + " ORDER BY " + by.code).params(visible.params())
                .query((rs, n) -> {
                    long[] sum = sums.getOrDefault(rs.getLong(1), new long[6]);
                    if (by == By.COMMUNITY || sum[1] > 0) {
                        long base = by == By.COMMUNITY ? rs.getLong(4) : sum[0];
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), base, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]));
                    }
                    return null;
                }).list();
        return rows;
    }

    /** A committee or general branch visits through the branches below it (at most three grassroots levels). */
    private void rollUp(Map<Long, long[]> sums) {
        Map<Long, Long> parents = new java.util.HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM party_org WHERE parent_id IS NOT NULL")
                .query((rs, n) -> parents.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, long[]> own = new java.util.HashMap<>();
        sums.forEach((id, sum) -> own.put(id, sum.clone()));
        own.forEach((branch, sum) -> {
            Long above = parents.get(branch);
            for (int level = 0; above != null && level < 2; level++) {
                long[] total = sums.computeIfAbsent(above, k -> new long[6]);
                for (int i = 0; i < sum.length; i++) {
                    total[i] += sum[i];
                }
                above = parents.get(above);
            }
        });
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
