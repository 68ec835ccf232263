package org.ronghe.emergency;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the emergency pages and API read: emergencies, one emergency with its zone, command, temporary branches,
 * teams, posts and call-ups (with counts from the rows), the lists the figures link to, and a member's call-ups.
 * Every list carries the reader's scope predicate.
 */
@Service
public class EmergencyQueries {

    private final JdbcClient jdbc;
    private final Places places;
    private final CallUpDesk callUps;
    private final org.ronghe.platform.PersonalData personal;

    EmergencyQueries(JdbcClient jdbc, Places places, CallUpDesk callUps, org.ronghe.platform.PersonalData personal) {
        this.jdbc = jdbc;
        this.places = places;
        this.callUps = callUps;
        this.personal = personal;
    }

    public record Row(long id, String code, String name, String kind, String kindLabel, String state, Instant startedAt,
                      Instant stoodDownAt, int areas) {
    }

    public record Area(String community, String communityName, String grid, String control, String controlLabel, Instant since) {
    }

    public record Command(String role, String roleLabel, String group, String duties, String member, String memberName, Instant assignedAt) {
    }

    public record Branch(long id, long emergencyId, String name, String siteKind, String siteKindLabel, String siteName, String community,
                         String communityName, String parent, String secretary, String secretaryName, String state, String partyOrg,
                         Instant requestedAt, String approvedBy, Instant dissolvedAt, int members) {
    }

    public record Team(long id, long emergencyId, String kind, String kindLabel, String name, String lead, String leadName, String community,
                       String site, int members) {
    }

    public record Post(long id, String name, String holder, String holderName, String community) {
    }

    public record CallUp(long id, String title, String criteria, Instant createdAt, CallUpDesk.Counts counts) {
    }

    public record Detail(Row emergency, List<Area> zone, List<Command> command, List<Branch> branches, List<Team> teams, List<Post> posts,
                         List<CallUp> callUps) {
    }

    public record MyCallUp(long emergencyId, String emergency, long callUpId, String title, Instant calledAt, String answer,
                           String reason, Instant answeredAt, Instant shiftStart, Instant shiftEnd, boolean open) {
    }

    public record Mobilised(String code, String name, long callUps) {
    }

    private static final String ROW = """
            SELECT e.id, e.code, e.name, e.kind, e.state, e.started_at, e.stood_down_at,
                   (SELECT COUNT(*) FROM emergency_area a WHERE a.emergency_id = e.id AND a.until IS NULL) AS areas
            FROM emergency e""";

    public PageResult<Row> list(CurrentUser user, String state, PageQuery page) {
        SqlClause visible = places.emergencies(user, "e");
        String where = " WHERE " + visible.sql() + (state == null ? "" : " AND e.state = :state");
        Map<String, Object> params = new HashMap<>(visible.params());
        if (state != null) {
            params.put("state", Parse.required(StateName.class, "state", "状态", state).name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM emergency e" + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql(ROW + where + " ORDER BY e.started_at DESC, e.id DESC LIMIT :limit OFFSET :offset").params(params)
                .param("limit", page.size()).param("offset", page.offset()).query(EmergencyQueries::row).list();
        return PageResult.of(rows, page, total);
    }

    /** The states as the list filter takes them. */
    enum StateName implements org.ronghe.platform.Labelled {
        ACTIVE("应急中"), STOOD_DOWN("已解除");

        private final String label;

        StateName(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public Detail detail(CurrentUser user, long id) {
        places.requireVisible(user, id);
        Row row = jdbc.sql(ROW + " WHERE e.id = :id").param("id", id).query(EmergencyQueries::row).single();
        DataScope scope = places.scope(user);
        // A reader outside the whole district sees the areas in their communities, and the answers of members they see.
        SqlClause areas = scope.communities("a.community_id");
        List<Area> zone = jdbc.sql("""
                        SELECT c.code, c.name, g.code, a.control, a.since FROM emergency_area a JOIN community c ON c.id = a.community_id
                        LEFT JOIN grid g ON g.id = a.grid_id WHERE a.emergency_id = :e AND a.until IS NULL""" + " AND " + areas.sql()
                        + " ORDER BY c.code, g.code")
                .param("e", id).params(areas.params()).query((rs, n) -> new Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Control.valueOf(rs.getString(4)).label(), Emergencies.instant(rs, "since"))).list();
        List<Command> command = jdbc.sql("""
                        SELECT k.role, k.group_name, k.duties, m.code, m.name, k.assigned_at FROM emergency_command k
                        JOIN member m ON m.id = k.member_id WHERE k.emergency_id = :e AND k.ended_at IS NULL ORDER BY k.role, k.id""")
                .param("e", id).query((rs, n) -> new Command(rs.getString(1), CommandRole.valueOf(rs.getString(1)).label(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), Emergencies.instant(rs, "assigned_at"))).list();
        boolean organiser = user.role() != org.ronghe.platform.Role.MEMBER;
        SqlClause members = scope.members("m");
        List<CallUp> calls = !organiser ? List.of() : jdbc.sql("""
                        SELECT u.id, u.title, u.criteria, u.created_at, COUNT(cm.member_id), COUNT(cm.answer),
                               SUM(CASE WHEN cm.answer = 'REPORTING' THEN 1 ELSE 0 END), SUM(CASE WHEN cm.answer = 'CANNOT' THEN 1 ELSE 0 END),
                               COUNT(cm.posted_at)
                        FROM call_up u LEFT JOIN (SELECT r.* FROM call_up_member r JOIN member m ON m.id = r.member_id""" + " WHERE "
                        + members.sql() + """
                        ) cm ON cm.call_up_id = u.id WHERE u.emergency_id = :e
                        GROUP BY u.id, u.title, u.criteria, u.created_at ORDER BY u.id""")
                .param("e", id).params(members.params())
                .query((rs, n) -> new CallUp(rs.getLong(1), rs.getString(2), scope.all() ? rs.getString(3) : null,
                        Emergencies.instant(rs, "created_at"),
                        new CallUpDesk.Counts(rs.getLong(5), rs.getLong(6), rs.getLong(5) - rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                rs.getLong(9)))).list();
        return new Detail(row, zone, command, branches(user, id, null, PageQuery.of(0, PageQuery.MAX_SIZE)).items(),
                teams(user, id, null, PageQuery.of(0, PageQuery.MAX_SIZE)).items(), posts(user, id), calls);
    }

    /**
     * Temporary branches the reader sees (their community, or the approving organisation's organ), of one emergency or
     * all; {@code founded}: only those approved (founded in the directory), dissolved or not.
     */
    public PageResult<Branch> branches(CurrentUser user, Long emergencyId, Boolean founded, PageQuery page) {
        return branches(user, emergencyId, founded, null, page);
    }

    /** As {@link #branches(CurrentUser, Long, Boolean, PageQuery)}, with {@code q} found in the name or the site's name. */
    public PageResult<Branch> branches(CurrentUser user, Long emergencyId, Boolean founded, String q, PageQuery page) {
        DataScope scope = places.scope(user);
        SqlClause communities = scope.communities("b.community_id");
        SqlClause organs = scope.organs("p.organ_id");
        String where = " WHERE (" + communities.sql() + " OR " + organs.sql() + ")"
                + (emergencyId == null ? "" : " AND b.emergency_id = :e")
                + (founded == null ? "" : founded ? " AND b.party_org_id IS NOT NULL" : " AND b.party_org_id IS NULL")
                + (like(q) == null ? "" : " AND (LOWER(b.name) LIKE :q OR LOWER(b.site_name) LIKE :q)");
        Map<String, Object> params = new HashMap<>(communities.params());
        params.putAll(organs.params());
        if (like(q) != null) {
            params.put("q", like(q));
        }
        if (emergencyId != null) {
            params.put("e", emergencyId);
        }
        String from = " FROM temporary_branch b LEFT JOIN party_org p ON p.id = b.parent_org_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Branch> rows = jdbc.sql("""
                        SELECT b.id, b.emergency_id, b.name, b.site_kind, b.site_name, c.code AS community, c.name AS community_name,
                               p.code AS parent, s.code AS secretary, s.name AS secretary_name, b.state, o.code AS org, b.requested_at,
                               b.approved_by, b.dissolved_at,
                               (SELECT COUNT(*) FROM temporary_membership t WHERE t.temporary_branch_id = b.id) AS members
                        """ + from + " JOIN community c ON c.id = b.community_id JOIN member s ON s.id = b.secretary_id"
                        + " LEFT JOIN party_org o ON o.id = b.party_org_id" + where + " ORDER BY b.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Branch(rs.getLong("id"), rs.getLong("emergency_id"), rs.getString("name"), rs.getString("site_kind"),
                        SiteKind.valueOf(rs.getString("site_kind")).label(), rs.getString("site_name"), rs.getString("community"),
                        rs.getString("community_name"), rs.getString("parent"), rs.getString("secretary"), rs.getString("secretary_name"),
                        rs.getString("state"), rs.getString("org"), Emergencies.instant(rs, "requested_at"), rs.getString("approved_by"),
                        Emergencies.instant(rs, "dissolved_at"), rs.getInt("members")))
                .list();
        return PageResult.of(rows, page, total);
    }

    /** Teams the reader sees (in their communities), of one emergency or all, of a kind or both. */
    public PageResult<Team> teams(CurrentUser user, Long emergencyId, String kind, PageQuery page) {
        return teams(user, emergencyId, kind, null, page);
    }

    /** As {@link #teams(CurrentUser, Long, String, PageQuery)}, with {@code q} found in the team's name or site. */
    public PageResult<Team> teams(CurrentUser user, Long emergencyId, String kind, String q, PageQuery page) {
        DataScope scope = places.scope(user);
        SqlClause communities = scope.communities("t.community_id");
        String where = " WHERE " + communities.sql()
                + (emergencyId == null ? "" : " AND t.emergency_id = :e") + (kind == null ? "" : " AND t.kind = :kind")
                + (like(q) == null ? "" : " AND (LOWER(t.name) LIKE :q OR LOWER(t.site) LIKE :q)");
        Map<String, Object> params = new HashMap<>(communities.params());
        if (like(q) != null) {
            params.put("q", like(q));
        }
        if (emergencyId != null) {
            params.put("e", emergencyId);
        }
        if (kind != null) {
            params.put("kind", Parse.required(TeamKind.class, "kind", "队伍类型", kind).name());
        }
        String from = " FROM emergency_team t JOIN member l ON l.id = t.lead_member_id LEFT JOIN community c ON c.id = t.community_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Team> rows = jdbc.sql("SELECT t.id, t.emergency_id, t.kind, t.name, l.code, l.name, c.code, t.site,"
                        + " (SELECT COUNT(*) FROM emergency_team_member tm WHERE tm.team_id = t.id)" + from + where
                        + " ORDER BY t.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Team(rs.getLong(1), rs.getLong(2), rs.getString(3), TeamKind.valueOf(rs.getString(3)).label(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
                .list();
        return PageResult.of(rows, page, total);
    }

    public List<Post> posts(CurrentUser user, long emergencyId) {
        places.requireVisible(user, emergencyId);
        DataScope scope = places.scope(user);
        SqlClause communities = scope.communities("v.community_id");
        return jdbc.sql("SELECT v.id, v.name, h.code, h.name, c.code FROM vanguard_post v JOIN member h ON h.id = v.holder_id"
                        + " LEFT JOIN community c ON c.id = v.community_id WHERE v.emergency_id = :e AND " + communities.sql() + " ORDER BY v.id")
                .param("e", emergencyId).params(communities.params())
                .query((rs, n) -> new Post(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    /** Members who reported for duty in any call-up, among the members the reader sees. */
    public PageResult<Mobilised> mobilised(CurrentUser user, PageQuery page) {
        return mobilised(user, null, page);
    }

    /** As {@link #mobilised(CurrentUser, PageQuery)}, with {@code q} found in the member's code or name. */
    public PageResult<Mobilised> mobilised(CurrentUser user, String q, PageQuery page) {
        SqlClause members = places.scope(user).members("m");
        Map<String, Object> params = new HashMap<>(members.params());
        String from = " FROM member m WHERE " + members.sql()
                + " AND m.id IN (SELECT r.member_id FROM call_up_member r WHERE r.answer = 'REPORTING')"
                + (like(q) == null ? "" : " AND (LOWER(m.code) LIKE :q OR LOWER(m.name) LIKE :q)");
        if (like(q) != null) {
            params.put("q", like(q));
        }
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Mobilised> rows = jdbc.sql("SELECT m.code, m.name, (SELECT COUNT(*) FROM call_up_member r WHERE r.member_id = m.id"
                        + " AND r.answer = 'REPORTING')" + from + " ORDER BY m.code LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Mobilised(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        return PageResult.of(rows, page, total);
    }

    /** The call-ups of the signed-in member, the open ones first. */
    public List<MyCallUp> mine(CurrentUser user) {
        Places.Member self = places.self(user);
        return jdbc.sql("""
                        SELECT e.id, e.name, u.id, u.title, u.created_at, cm.answer, cm.reason, cm.answered_at, cm.shift_start, cm.shift_end,
                               e.state FROM call_up_member cm JOIN call_up u ON u.id = cm.call_up_id JOIN emergency e ON e.id = u.emergency_id
                        WHERE cm.member_id = :m ORDER BY CASE WHEN cm.answer IS NULL THEN 0 ELSE 1 END, u.created_at DESC LIMIT 100""")
                .param("m", self.id())
                .query((rs, n) -> new MyCallUp(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), Emergencies.instant(rs, "created_at"),
                        rs.getString(6), rs.getString(7), Emergencies.instant(rs, "answered_at"), Emergencies.instant(rs, "shift_start"),
                        Emergencies.instant(rs, "shift_end"), rs.getString(6) == null && "ACTIVE".equals(rs.getString(11))))
                .list();
    }

    /** One called member as the coordinator sees them: the phone masked unless the reader may see it whole. */
    public record Called(String code, String name, String phone, String answer, String reason, Instant answeredAt, boolean byPhone,
                         Long postedBranch, Long postedTeam, Instant shiftStart, Instant shiftEnd) {
    }

    /** Who a call-up's list shows: everyone, or those answered, unanswered, reporting, cannot, posted. */
    public enum CalledFilter implements org.ronghe.platform.Labelled {
        ALL("全部", "1 = 1"), ANSWERED("已应答", "r.answer IS NOT NULL"), UNANSWERED("未应答", "r.answer IS NULL"),
        REPORTING("报到", "r.answer = 'REPORTING'"), CANNOT("不能参加", "r.answer = 'CANNOT'"), POSTED("已上岗", "r.posted_at IS NOT NULL");

        private final String label;
        private final String sql;

        CalledFilter(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The members a call-up called, among those the reader sees, filtered and searched (code or name), paged. */
    public PageResult<Called> called(CurrentUser user, long emergencyId, long callUpId, String filter, String q, PageQuery page) {
        CallUpDesk.Counts ignored = callUps.counts(user, emergencyId, callUpId);
        CalledFilter which = filter == null || filter.isBlank() ? CalledFilter.ALL
                : Parse.required(CalledFilter.class, "filter", "筛选", filter.toUpperCase(java.util.Locale.ROOT));
        DataScope scope = places.scope(user);
        SqlClause members = scope.members("m");
        Map<String, Object> params = new HashMap<>(members.params());
        params.put("c", callUpId);
        String where = " FROM call_up_member r JOIN member m ON m.id = r.member_id WHERE r.call_up_id = :c AND " + members.sql()
                + " AND " + which.sql + (like(q) == null ? "" : " AND (LOWER(m.code) LIKE :q OR LOWER(m.name) LIKE :q)");
        if (like(q) != null) {
            params.put("q", like(q));
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
        List<Called> rows = jdbc.sql("""
                        SELECT m.id, m.organ_id, m.code, m.name, m.phone, r.answer, r.reason, r.answered_at, r.roll_call_id,
                               r.posted_branch_id, r.posted_team_id, r.shift_start, r.shift_end""" + where
                        + " ORDER BY m.code LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    String phone = personal.open(org.ronghe.platform.PersonalData.MEMBER_PHONE, rs.getString("phone"));
                    boolean whole = scope.seesPersonalData(rs.getLong("id"), rs.getObject("organ_id", Long.class));
                    return new Called(rs.getString("code"), rs.getString("name"), whole ? phone : org.ronghe.platform.Masking.phone(phone),
                            rs.getString("answer"), rs.getString("reason"), Emergencies.instant(rs, "answered_at"),
                            rs.getObject("roll_call_id") != null, rs.getObject("posted_branch_id", Long.class),
                            rs.getObject("posted_team_id", Long.class), Emergencies.instant(rs, "shift_start"),
                            Emergencies.instant(rs, "shift_end"));
                })
                .list();
        return PageResult.of(rows, page, total);
    }

    /** The call-up's title and criteria (criteria for the committee only, as in the detail). */
    public CallUp callUp(CurrentUser user, long emergencyId, long callUpId) {
        CallUpDesk.Counts counts = callUps.counts(user, emergencyId, callUpId);
        boolean all = places.scope(user).all();
        return jdbc.sql("SELECT id, title, criteria, created_at FROM call_up WHERE id = :c AND emergency_id = :e")
                .param("c", callUpId).param("e", emergencyId)
                .query((rs, n) -> new CallUp(rs.getLong(1), rs.getString(2), all ? rs.getString(3) : null, Emergencies.instant(rs, "created_at"),
                        counts)).single();
    }

    /** A "contains" pattern for LIKE, lower-cased, its wildcards escaped; null for no search. */
    private static String like(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = org.ronghe.platform.Texts.check("q", q.trim(), 100).toLowerCase(java.util.Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public CallUpDesk.Counts counts(CurrentUser user, long emergencyId, long callUpId) {
        return callUps.counts(user, emergencyId, callUpId);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                EmergencyKind.valueOf(rs.getString("kind")).label(), rs.getString("state"), Emergencies.instant(rs, "started_at"),
                Emergencies.instant(rs, "stood_down_at"), rs.getInt("areas"));
    }
}
