package org.ronghe.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallFacts;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The residents' needs of an emergency as the board, the list and a team's members read them, in the reader's
 * communities. Which call a need is, which community and team it went to come from the need rows; its title, state,
 * deadline and whether it is overdue come from the call itself ({@link CallFacts}), read for many needs at once.
 * Every count on the board links to the list of exactly the needs it counts.
 */
@Service
public class NeedQueries {

    /** More open needs than this in one board or one overdue list is beyond what a page can show anyway. */
    static final int OPEN_AT_MOST = 20_000;

    private final JdbcClient jdbc;
    private final Places places;
    private final CallFacts calls;

    NeedQueries(JdbcClient jdbc, Places places, CallFacts calls) {
        this.jdbc = jdbc;
        this.places = places;
        this.calls = calls;
    }

    /** A need with its call's title, state and deadline. */
    public record Need(long callId, long emergencyId, String emergency, String title, String community, String communityName,
                       String kind, String kindLabel, Long teamId, String team, String state, boolean open, boolean overdue,
                       Instant raisedAt, Instant replyBy, Instant closedAt) {
    }

    /** A number and the list of the needs it counts. */
    public record Count(long count, String link) {
    }

    /** @param byKind one count per {@link NeedKind}, in its order */
    public record CommunityNeeds(String community, String communityName, Count open, List<Count> byKind, Count overdue, Count unrouted,
                                 Instant oldestOpen) {
    }

    /** The open needs by community, those with overdue or unrouted needs first, then the longest waiting. */
    public record Board(long emergencyId, String emergency, boolean active, Count open, List<Count> byKind, Count overdue, Count unrouted,
                        List<CommunityNeeds> communities) {
    }

    /** What the list is filtered by; {@code null} is any. */
    public record Filter(String community, String kind, Boolean open, Boolean overdue, Boolean unrouted) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        public boolean any() {
            return community != null || kind != null || open != null || overdue != null || unrouted != null;
        }
    }

    private record Row(long callId, long emergencyId, String emergency, String community, String communityName, NeedKind kind, Long teamId,
                       String team, Instant raisedAt, Instant closedAt) {
    }

    private static final String SELECT = """
            SELECT n.call_id, n.emergency_id, e.name AS emergency, c.code AS community, c.name AS community_name, n.kind, n.team_id,
                   t.name AS team, n.raised_at, n.closed_at
            """;
    private static final String FROM = """
            FROM emergency_need n JOIN emergency e ON e.id = n.emergency_id JOIN community c ON c.id = n.community_id
            LEFT JOIN emergency_team t ON t.id = n.team_id""";

    /** Whether a role reads a community's needs (see {@link Places#needReader}). */
    public static boolean readsNeeds(org.ronghe.platform.Role role) {
        return role == org.ronghe.platform.Role.COMMITTEE_ADMIN || role == org.ronghe.platform.Role.STREET_STAFF
                || role == org.ronghe.platform.Role.COMMUNITY_STAFF || role == org.ronghe.platform.Role.LEADER;
    }

    public Board board(CurrentUser user, long emergencyId) {
        Places.needReader(user);
        places.requireVisible(user, emergencyId);
        record Head(String name, String state) {
        }
        Head head = jdbc.sql("SELECT name, state FROM emergency WHERE id = :e").param("e", emergencyId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2))).single();
        SqlClause scope = places.scope(user).communities("n.community_id");
        List<Row> open = jdbc.sql(SELECT + FROM + " WHERE n.emergency_id = :e AND n.closed_at IS NULL AND " + scope.sql()
                        + " ORDER BY n.raised_at, n.call_id LIMIT " + OPEN_AT_MOST)
                .param("e", emergencyId).params(scope.params()).query(NeedQueries::row).list();
        Map<Long, CallFacts.Fact> facts = calls.facts(open.stream().map(Row::callId).toList());
        String base = "/emergencies/" + emergencyId + "/needs?open=true";
        Map<String, List<Row>> byCommunity = new LinkedHashMap<>();
        open.forEach(r -> byCommunity.computeIfAbsent(r.community(), c -> new ArrayList<>()).add(r));
        List<CommunityNeeds> communities = new ArrayList<>();
        byCommunity.forEach((code, rows) -> communities.add(new CommunityNeeds(code, rows.get(0).communityName(),
                new Count(rows.size(), base + "&community=" + code), byKind(rows, base + "&community=" + code),
                new Count(overdue(rows, facts), base + "&overdue=true&community=" + code),
                new Count(rows.stream().filter(r -> r.teamId() == null).count(), base + "&unrouted=true&community=" + code),
                rows.get(0).raisedAt())));
        communities.sort(Comparator.comparingLong((CommunityNeeds c) -> -c.overdue().count())
                .thenComparingLong(c -> -c.unrouted().count()).thenComparing(CommunityNeeds::oldestOpen));
        return new Board(emergencyId, head.name(), "ACTIVE".equals(head.state()), new Count(open.size(), base), byKind(open, base),
                new Count(overdue(open, facts), base + "&overdue=true"),
                new Count(open.stream().filter(r -> r.teamId() == null).count(), base + "&unrouted=true"), communities);
    }

    private static List<Count> byKind(List<Row> rows, String link) {
        List<Count> counts = new ArrayList<>();
        for (NeedKind kind : NeedKind.values()) {
            counts.add(new Count(rows.stream().filter(r -> r.kind() == kind).count(), link + "&kind=" + kind.name()));
        }
        return counts;
    }

    private static long overdue(List<Row> rows, Map<Long, CallFacts.Fact> facts) {
        return rows.stream().filter(r -> facts.containsKey(r.callId()) && facts.get(r.callId()).overdue()).count();
    }

    /** The needs of an emergency in the reader's communities, open ones first, the longest waiting first. */
    public PageResult<Need> list(CurrentUser user, long emergencyId, Filter filter, PageQuery page) {
        Places.needReader(user);
        places.requireVisible(user, emergencyId);
        SqlClause scope = places.scope(user).communities("n.community_id");
        StringBuilder where = new StringBuilder(" WHERE n.emergency_id = :e AND ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("e", emergencyId);
        Filter f = filter == null ? Filter.none() : filter;
        if (f.community() != null && !f.community().isBlank()) {
            where.append(" AND c.code = :community");
            params.put("community", f.community().trim());
        }
        if (f.kind() != null && !f.kind().isBlank()) {
            where.append(" AND n.kind = :kind");
            params.put("kind", Parse.required(NeedKind.class, "kind", "需求类别", f.kind()).name());
        }
        // An overdue need is an open one: its call waits past a limit.
        if (Boolean.TRUE.equals(f.overdue()) || f.open() != null) {
            where.append(Boolean.TRUE.equals(f.overdue()) || Boolean.TRUE.equals(f.open()) ? " AND n.closed_at IS NULL" : " AND n.closed_at IS NOT NULL");
        }
        if (f.unrouted() != null) {
            where.append(f.unrouted() ? " AND n.team_id IS NULL" : " AND n.team_id IS NOT NULL");
        }
        String order = " ORDER BY CASE WHEN n.closed_at IS NULL THEN 0 ELSE 1 END, n.raised_at, n.call_id";
        if (f.overdue() != null) {
            // Overdue is the call's own reckoning (its deadlines against the clock): the open needs are read and asked.
            List<Row> rows = jdbc.sql(SELECT + FROM + where + order + " LIMIT " + OPEN_AT_MOST).params(params).query(NeedQueries::row).list();
            Map<Long, CallFacts.Fact> facts = calls.facts(rows.stream().map(Row::callId).toList());
            List<Need> matching = rows.stream().map(r -> need(r, facts.get(r.callId())))
                    .filter(n -> n.overdue() == f.overdue()).toList();
            int from = (int) Math.min(matching.size(), page.offset());
            return PageResult.of(matching.subList(from, Math.min(matching.size(), from + page.size())), page, matching.size());
        }
        long total = jdbc.sql("SELECT COUNT(*) " + FROM + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + FROM + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(NeedQueries::row).list();
        Map<Long, CallFacts.Fact> facts = calls.facts(rows.stream().map(Row::callId).toList());
        return PageResult.of(rows.stream().map(r -> need(r, facts.get(r.callId()))).toList(), page, total);
    }

    /** The needs of the teams the signed-in member leads or belongs to, open ones first. */
    public List<Need> mine(CurrentUser user) {
        Places.Member self = places.self(user);
        List<Row> rows = jdbc.sql(SELECT + FROM + """
                         WHERE n.team_id IN (SELECT mt.id FROM emergency_team mt WHERE mt.lead_member_id = :m
                                             UNION SELECT tm.team_id FROM emergency_team_member tm WHERE tm.member_id = :m)
                        ORDER BY CASE WHEN n.closed_at IS NULL THEN 0 ELSE 1 END, n.raised_at DESC, n.call_id LIMIT 100""")
                .param("m", self.id()).query(NeedQueries::row).list();
        Map<Long, CallFacts.Fact> facts = calls.facts(rows.stream().map(Row::callId).toList());
        return rows.stream().map(r -> need(r, facts.get(r.callId()))).toList();
    }

    /** A community of the zone now, for the need-entry form. */
    public record ZoneCommunity(String code, String name) {
    }

    /** The communities of the emergency's zone now that the reader sees. */
    public List<ZoneCommunity> zoneCommunities(CurrentUser user, long emergencyId) {
        SqlClause scope = places.scope(user).communities("c.id");
        return jdbc.sql("SELECT DISTINCT c.code, c.name FROM emergency_area a JOIN community c ON c.id = a.community_id"
                        + " WHERE a.emergency_id = :e AND a.until IS NULL AND " + scope.sql() + " ORDER BY c.code")
                .param("e", emergencyId).params(scope.params()).query((rs, n) -> new ZoneCommunity(rs.getString(1), rs.getString(2))).list();
    }

    private static Need need(Row r, CallFacts.Fact call) {
        return new Need(r.callId(), r.emergencyId(), r.emergency(), call == null ? null : call.title(), r.community(), r.communityName(),
                r.kind().name(), r.kind().label(), r.teamId(), r.team(), call == null ? null : call.state().name(),
                r.closedAt() == null, call != null && call.overdue(), r.raisedAt(), call == null ? null : call.replyBy(), r.closedAt());
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("call_id"), rs.getLong("emergency_id"), rs.getString("emergency"), rs.getString("community"),
                rs.getString("community_name"), NeedKind.valueOf(rs.getString("kind")), rs.getObject("team_id", Long.class),
                rs.getString("team"), Emergencies.instant(rs, "raised_at"), Emergencies.instant(rs, "closed_at"));
    }
}
