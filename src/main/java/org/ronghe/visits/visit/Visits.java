package org.ronghe.visits.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Photo;
import org.ronghe.platform.SqlWhere;
import org.ronghe.visits.VisitScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The visits and the problems heard on them, with their events. */
@Repository
public class Visits {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    Visits(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM visit WHERE recorded_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    /** Whether the household has no visit in the campaign yet (so this one counts towards coverage). */
    boolean firstInCampaign(Long campaignId, long householdId) {
        return campaignId == null || jdbc.sql("SELECT COUNT(*) FROM visit WHERE campaign_id = :c AND household_id = :h")
                .param("c", campaignId).param("h", householdId).query(Long.class).single() == 0;
    }

    public long add(Visit visit, boolean first, String actor, Instant now, String key) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO visit (campaign_id, household_id, community_id, member_id, leader_id, organ_id, party_org_id,
                                           visited_on, heard, first_in_campaign, recorded_by, recorded_at, idempotency_key)
                        VALUES (:campaign, :household, :community, :member, :leader, :organ, :partyOrg, :on, :heard, :first, :by, :at, :key)""")
                .param("campaign", visit.campaignId()).param("household", visit.householdId()).param("community", visit.communityId())
                .param("member", visit.visitor().memberId()).param("leader", visit.visitor().leaderId())
                .param("organ", visit.visitor().organId()).param("partyOrg", visit.visitor().partyOrgId())
                .param("on", visit.visitedOn()).param("heard", visit.heard()).param("first", first).param("by", actor)
                .param("at", Timestamp.from(now)).param("key", key).update(id, "id");
        long visitId = id.getKey().longValue();
        event("VISIT", visitId, "RECORDED", now, actor, visit.problems().isEmpty() ? null : visit.problems().size() + " 个问题");
        if (visit.campaignId() != null) {
            String who = visit.visitor().memberId() != null ? "member_id = :who" : "leader_id = :who";
            jdbc.sql("UPDATE visit_assignment SET visited_at = :at WHERE campaign_id = :c AND household_id = :h AND visited_at IS NULL AND "
                            + who).param("at", Timestamp.from(now)).param("c", visit.campaignId()).param("h", visit.householdId())
                    .param("who", visit.visitor().memberId() != null ? visit.visitor().memberId() : visit.visitor().leaderId()).update();
        }
        return visitId;
    }

    /**
     * Stores many visits without problems at once (the demo district's campaign), each the household's first in its
     * campaign, with their events and the assignments they fulfil.
     */
    public void addAll(List<Visit> batch, String actor, java.util.function.Function<Visit, Instant> recordedAt) {
        for (int i = 0; i < batch.size(); i += 1000) {
            named.batchUpdate("""
                    INSERT INTO visit (campaign_id, household_id, community_id, member_id, leader_id, organ_id, party_org_id,
                                       visited_on, heard, first_in_campaign, recorded_by, recorded_at)
                    VALUES (:campaign, :household, :community, :member, :leader, :organ, :partyOrg, :on, :heard, TRUE, :by, :at)""",
                    batch.subList(i, Math.min(batch.size(), i + 1000)).stream().map(v -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                            .addValue("campaign", v.campaignId()).addValue("household", v.householdId()).addValue("community", v.communityId())
                            .addValue("member", v.visitor().memberId()).addValue("leader", v.visitor().leaderId())
                            .addValue("organ", v.visitor().organId()).addValue("partyOrg", v.visitor().partyOrgId())
                            .addValue("on", v.visitedOn()).addValue("heard", v.heard()).addValue("by", actor)
                            .addValue("at", Timestamp.from(recordedAt.apply(v))))
                            .toArray(org.springframework.jdbc.core.namedparam.MapSqlParameterSource[]::new));
        }
    }

    /** The events and fulfilled assignments of a campaign's visits stored by {@link #addAll}. */
    public void settle(long campaignId) {
        jdbc.sql("""
                INSERT INTO visit_event (subject, subject_id, type, at, actor)
                SELECT 'VISIT', v.id, 'RECORDED', v.recorded_at, v.recorded_by FROM visit v
                WHERE v.campaign_id = :c AND NOT EXISTS (SELECT 1 FROM visit_event e WHERE e.subject = 'VISIT' AND e.subject_id = v.id)""")
                .param("c", campaignId).update();
        // One grouped pass over the visits merged into the assignments (a correlated UPDATE took minutes on PostgreSQL).
        for (String visitor : new String[]{"member_id", "leader_id"}) {
            jdbc.sql("""
                    MERGE INTO visit_assignment a
                    USING (SELECT household_id, %1$s AS visitor, MIN(recorded_at) AS first_at FROM visit
                           WHERE campaign_id = :c AND %1$s IS NOT NULL GROUP BY household_id, %1$s) v
                    ON a.campaign_id = :c AND a.household_id = v.household_id AND a.%1$s = v.visitor AND a.visited_at IS NULL
                    WHEN MATCHED THEN UPDATE SET visited_at = v.first_at""".formatted(visitor)).param("c", campaignId).update();
        }
    }

    void addPhoto(long visitId, Photo photo, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO visit_photo (visit_id, content_type, content, size_bytes, added_at, added_by)
                VALUES (:visit, :type, :content, :size, :at, :by)""")
                .param("visit", visitId).param("type", photo.contentType()).param("content", photo.content())
                .param("size", photo.content().length).param("at", Timestamp.from(now)).param("by", actor).update();
    }

    public Optional<Photo> photo(long visitId) {
        return jdbc.sql("SELECT content_type, content FROM visit_photo WHERE visit_id = :v").param("v", visitId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    public long addProblem(long visitId, Visit visit, Visit.Heard heard, long callId, String actor, Instant now) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO visit_problem (visit_id, household_id, campaign_id, community_id, member_id, leader_id, organ_id,
                                                   party_org_id, call_id, category_code, summary, state, resolved)
                        VALUES (:visit, :household, :campaign, :community, :member, :leader, :organ, :partyOrg, :call, :category,
                                :summary, 'OPEN', FALSE)""")
                .param("visit", visitId).param("household", visit.householdId()).param("campaign", visit.campaignId())
                .param("community", visit.communityId()).param("member", visit.visitor().memberId())
                .param("leader", visit.visitor().leaderId()).param("organ", visit.visitor().organId())
                .param("partyOrg", visit.visitor().partyOrgId()).param("call", callId).param("category", heard.category())
                .param("summary", heard.summary()).update(id, "id");
        long problemId = id.getKey().longValue();
        event("PROBLEM", problemId, "HEARD", now, actor, "诉求 " + callId);
        return problemId;
    }

    /** A problem with where it was heard, for a step on it. */
    public record Located(Problem problem, long householdId, Long campaignId, long communityId, Visit.Visitor visitor) {
    }

    public Optional<Located> problemOfCall(long callId) {
        return located("p.call_id = :k", callId);
    }

    public Optional<Located> problem(long id) {
        return located("p.id = :k", id);
    }

    public void save(Problem problem) {
        jdbc.sql("""
                UPDATE visit_problem SET state = :state, resolved = :resolved, due_at = :due, followed_up_at = :at,
                       followed_up_by = :by, follow_up_note = :note, household_satisfied = :satisfied WHERE id = :id""")
                .param("state", problem.state().name()).param("resolved", problem.resolved()).param("due", ts(problem.dueAt()))
                .param("at", ts(problem.followedUpAt())).param("by", problem.followedUpBy()).param("note", problem.note())
                .param("satisfied", problem.satisfied()).param("id", problem.id()).update();
        problem.events().forEach(e -> event("PROBLEM", problem.id(), e.type(), e.at(), e.actor(), e.note()));
        problem.events().clear();
    }

    // ------------------------------------------------------------------------------------------ lists

    /** Filters shared by the lists of visits and of problems (each figure's link sets some of them). */
    /** @param from, to the days of the visits (the list of visits only; a problem is found by its visit's other filters) */
    public record Filter(Long campaign, String community, String organ, String partyOrg, String member, Long household,
                         Problem.State state, Boolean resolved, Boolean firstInCampaign, LocalDate from, LocalDate to) {

        public Filter(Long campaign, String community, String organ, String partyOrg, String member, Long household,
                      Problem.State state, Boolean resolved, Boolean firstInCampaign) {
            this(campaign, community, organ, partyOrg, member, household, state, resolved, firstInCampaign, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null);
        }
    }

    public record VisitRow(long id, Long campaignId, long householdId, String householdAddress, String communityName,
                           String visitor, String organName, LocalDate visitedOn, String heard, int problems, boolean firstInCampaign,
                           boolean photo) {
    }

    public record ProblemRow(long id, long visitId, long callId, long householdId, String householdAddress, String communityName,
                             String visitor, String categoryCode, String summary, Problem.State state, boolean resolved,
                             Instant dueAt, Instant followedUpAt, String note, Boolean satisfied, LocalDate visitedOn) {
    }

    public PageResult<VisitRow> visits(VisitScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter, "v");
        if (filter.firstInCampaign() != null) {
            where.and("v.first_in_campaign = :first", Map.of("first", filter.firstInCampaign()));
        }
        if (filter.from() != null) {
            where.and("v.visited_on >= :visited_from", Map.of("visited_from", filter.from()));
        }
        if (filter.to() != null) {
            where.and("v.visited_on <= :visited_to", Map.of("visited_to", filter.to()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM visit v" + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<VisitRow> rows = jdbc.sql(VISIT_ROW + " FROM (SELECT v.id FROM visit v" + where.sql()
                        + " ORDER BY v.id DESC LIMIT :limit OFFSET :offset) page JOIN visit v ON v.id = page.id" + VISIT_JOINS
                        + " ORDER BY v.id DESC")
                .paramSource(where.params(page)).query((rs, n) -> visitRow(rs)).list();
        return PageResult.of(rows, page, total);
    }

    public PageResult<ProblemRow> problems(VisitScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter, "p");
        if (filter.state() != null) {
            where.and("p.state = :state", Map.of("state", filter.state().name()));
        }
        if (filter.resolved() != null) {
            where.and("p.resolved = :resolved", Map.of("resolved", filter.resolved()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM visit_problem p" + where.sql()).paramSource(where.params()).query(Long.class).single();
        List<ProblemRow> rows = jdbc.sql("""
                        SELECT p.*, h.address, c.name AS community_name, COALESCE(m.name, d.name) AS visitor, v.visited_on
                        FROM (SELECT p.id FROM visit_problem p""" + where.sql() + """
                         ORDER BY p.id DESC LIMIT :limit OFFSET :offset) page
                        JOIN visit_problem p ON p.id = page.id JOIN visit v ON v.id = p.visit_id JOIN household h ON h.id = p.household_id
                        JOIN community c ON c.id = p.community_id
                        LEFT JOIN member m ON m.id = p.member_id LEFT JOIN leader d ON d.id = p.leader_id ORDER BY p.id DESC""")
                .paramSource(where.params(page)).query((rs, n) -> problemRow(rs)).list();
        return PageResult.of(rows, page, total);
    }

    /** A household's visits and problems, oldest first: its history. */
    public List<VisitRow> visitsOf(long householdId) {
        return visits(null, new Filter(null, null, null, null, null, householdId, null, null, null), new PageQuery(0, 200)).items();
    }

    public List<ProblemRow> problemsOf(long householdId) {
        return problems(null, new Filter(null, null, null, null, null, householdId, null, null, null), new PageQuery(0, 200)).items();
    }

    public List<ProblemRow> problemsOfVisit(long visitId) {
        return jdbc.sql(PROBLEM_ROW + " WHERE p.visit_id = :v ORDER BY p.id").param("v", visitId).query((rs, n) -> problemRow(rs)).list();
    }

    public Optional<ProblemRow> problemRow(long id) {
        return jdbc.sql(PROBLEM_ROW + " WHERE p.id = :id").param("id", id).query((rs, n) -> problemRow(rs)).optional();
    }

    private static final String PROBLEM_ROW = """
            SELECT p.*, h.address, c.name AS community_name, COALESCE(m.name, d.name) AS visitor, v.visited_on
            FROM visit_problem p JOIN visit v ON v.id = p.visit_id JOIN household h ON h.id = p.household_id
            JOIN community c ON c.id = p.community_id LEFT JOIN member m ON m.id = p.member_id
            LEFT JOIN leader d ON d.id = p.leader_id""";

    /** One visit, when the scope sees it. */
    public Optional<VisitRow> visit(VisitScope scope, long id) {
        SqlWhere where = where(scope, Filter.none(), "v").and("v.id = :visit", Map.of("visit", id));
        return jdbc.sql(VISIT_ROW + " FROM visit v" + VISIT_JOINS + where.sql()).paramSource(where.params())
                .query((rs, n) -> visitRow(rs)).optional();
    }

    private static SqlWhere where(VisitScope scope, Filter filter, String a) {
        SqlWhere where = new SqlWhere();
        if (scope != null) {
            where.and(scope.visits(a));
        }
        if (filter.campaign() != null) {
            where.and(filter.campaign() == VisitTallies.NO_CAMPAIGN ? a + ".campaign_id IS NULL" : a + ".campaign_id = :campaign",
                    Map.of("campaign", filter.campaign()));
        }
        where.eq(a + ".household_id", "household", filter.household());
        if (present(filter.community())) {
            where.and(a + ".community_id = (SELECT id FROM community WHERE code = :community)", Map.of("community", filter.community().trim()));
        }
        if (present(filter.organ())) {
            where.and(a + ".organ_id = (SELECT id FROM organ WHERE code = :organ)", Map.of("organ", filter.organ().trim()));
        }
        if (present(filter.partyOrg())) {
            where.and(a + ".party_org_id = (SELECT id FROM party_org WHERE code = :partyOrg)", Map.of("partyOrg", filter.partyOrg().trim()));
        }
        if (present(filter.member())) {
            where.and(a + ".member_id = (SELECT id FROM member WHERE code = :member)", Map.of("member", filter.member().trim()));
        }
        return where;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private Optional<Located> located(String condition, long key) {
        return jdbc.sql("SELECT p.* FROM visit_problem p WHERE " + condition).param("k", key).query((rs, n) -> new Located(
                new Problem(rs.getLong("id"), rs.getLong("call_id"), Problem.State.valueOf(rs.getString("state")), rs.getBoolean("resolved"),
                        instant(rs, "due_at"), instant(rs, "followed_up_at"), rs.getString("followed_up_by"), rs.getString("follow_up_note"),
                        (Boolean) rs.getObject("household_satisfied", Boolean.class)),
                rs.getLong("household_id"), (Long) rs.getObject("campaign_id", Long.class), rs.getLong("community_id"),
                new Visit.Visitor((Long) rs.getObject("member_id", Long.class), (Long) rs.getObject("leader_id", Long.class),
                        (Long) rs.getObject("organ_id", Long.class), (Long) rs.getObject("party_org_id", Long.class)))).optional();
    }

    private static final String VISIT_ROW = """
            SELECT v.id, v.campaign_id, v.household_id, h.address, c.name AS community_name,
                   COALESCE(m.name, d.name) AS visitor, o.name AS organ_name, v.visited_on, v.heard, v.first_in_campaign,
                   (SELECT COUNT(*) FROM visit_problem p WHERE p.visit_id = v.id) AS problems,
                   EXISTS (SELECT 1 FROM visit_photo f WHERE f.visit_id = v.id) AS photo""";
    private static final String VISIT_JOINS = """
             JOIN household h ON h.id = v.household_id JOIN community c ON c.id = v.community_id
            LEFT JOIN member m ON m.id = v.member_id LEFT JOIN leader d ON d.id = v.leader_id
            LEFT JOIN organ o ON o.id = v.organ_id""";

    private static VisitRow visitRow(ResultSet rs) throws SQLException {
        return new VisitRow(rs.getLong("id"), (Long) rs.getObject("campaign_id", Long.class), rs.getLong("household_id"),
                rs.getString("address"), rs.getString("community_name"), rs.getString("visitor"), rs.getString("organ_name"),
                rs.getObject("visited_on", LocalDate.class), rs.getString("heard"), rs.getInt("problems"),
                rs.getBoolean("first_in_campaign"), rs.getBoolean("photo"));
    }

    private static ProblemRow problemRow(ResultSet rs) throws SQLException {
        return new ProblemRow(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("call_id"), rs.getLong("household_id"),
                rs.getString("address"), rs.getString("community_name"), rs.getString("visitor"), rs.getString("category_code"),
                rs.getString("summary"), Problem.State.valueOf(rs.getString("state")), rs.getBoolean("resolved"), instant(rs, "due_at"),
                instant(rs, "followed_up_at"), rs.getString("follow_up_note"), (Boolean) rs.getObject("household_satisfied", Boolean.class),
                rs.getObject("visited_on", LocalDate.class));
    }

    private void event(String subject, long id, String type, Instant at, String actor, String note) {
        jdbc.sql("INSERT INTO visit_event (subject, subject_id, type, at, actor, note) VALUES (:s, :id, :t, :at, :actor, :note)")
                .param("s", subject).param("id", id).param("t", type).param("at", Timestamp.from(at)).param("actor", actor)
                .param("note", note).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
