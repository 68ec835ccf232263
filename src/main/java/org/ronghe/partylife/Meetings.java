package org.ronghe.partylife;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.CallState;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.Photo;
import org.ronghe.platform.SqlWhere;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores meetings with their attendance, decisions and events, and reads them back within a scope. Nothing is deleted. */
@Repository
public class Meetings {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    Meetings(NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** One row of the list. */
    public record Row(long id, String orgCode, String orgName, MeetingKind kind, String kindLabel, LocalDate heldOn, String place,
                      String chairCode, String chairName, boolean firstItemStudy, String studyTopic, int fullMembers,
                      int fullPresent, boolean quorate, Instant recordedAt, String recordedBy) {
    }

    public record Attendee(String code, String name, boolean full, Attendance attendance, String attendanceLabel) {
    }

    /** One meeting in full; {@code photo}: an optional photo was added (never required, never counted). */
    public record Detail(Row meeting, String minutes, List<DecisionRow> decisions, List<Attendee> attendance, List<Meeting.Event> events,
                         boolean photo) {
    }

    /**
     * A decision and what became of it: {@code followUp} is 未落实 (nothing), the call's state, or 已落实 (delivered).
     * In a list, the meeting it was taken at.
     */
    public record DecisionRow(long meetingId, String orgCode, String orgName, LocalDate heldOn, String kindLabel, int position,
                              String text, Long callId, CallState callState, String callStateLabel, boolean delivered, String followUp,
                              String ownerCode, String ownerName, LocalDate dueOn, Instant reportedAt, String report, boolean overdue,
                              Long directiveId, Integer directiveUnits, Integer directiveCompleted) {
    }

    /**
     * @param org   a party organisation code; {@code from}/{@code to} dates held, inclusive; {@code firstItemStudy} held with the study
     * @param organ an organ code: the meetings of its party organisations
     */
    public record Filter(String org, MeetingKind kind, LocalDate from, LocalDate to, Boolean firstItemStudy, String organ) {

        public Filter(String org, MeetingKind kind, LocalDate from, LocalDate to, Boolean firstItemStudy) {
            this(org, kind, from, to, firstItemStudy, null);
        }

        public Filter(String org, MeetingKind kind, LocalDate from, LocalDate to) {
            this(org, kind, from, to, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /**
     * @param delivered {@code true}: delivered; {@code false}: not (yet); {@code null}: every decision
     * @param organ     an organ code: the decisions of its party organisations' meetings
     */
    public record DecisionFilter(String org, Boolean delivered, String organ) {

        public DecisionFilter(String org, Boolean delivered) {
            this(org, delivered, null);
        }
    }

    /** The organisations of an organ, by the organ's code (an unknown code matches nothing). */
    private static void organ(SqlWhere where, String organ) {
        if (organ != null && !organ.isBlank()) {
            where.and("p.organ_id IN (SELECT o.id FROM organ o WHERE o.code = :f_organ)", Map.of("f_organ", organ.trim()));
        }
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM meeting WHERE recorded_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    /** Writes new meetings, their attendance, decisions and events, in batches (one meeting, or the demo's year). */
    public void saveAllNew(List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO meeting (version, party_org_id, kind, held_on, place, chair_id, first_item_study, study_topic,
                                             minutes, full_members, full_present, quorate, recorded_at, recorded_by, idempotency_key)
                        VALUES (0, :org, :kind, :heldOn, :place, :chair, :first, :topic, :minutes, :full, :present, :quorate,
                                :at, :by, :key)""",
                meetings.stream().map(m -> new MapSqlParameterSource().addValue("org", m.partyOrgId())
                        .addValue("kind", m.kind().name()).addValue("heldOn", m.heldOn()).addValue("place", m.place())
                        .addValue("chair", m.chairId()).addValue("first", m.firstItemStudy()).addValue("topic", m.studyTopic())
                        .addValue("minutes", m.minutes()).addValue("full", m.fullMembers()).addValue("present", m.fullPresent())
                        .addValue("quorate", m.quorate()).addValue("at", time(m.recordedAt())).addValue("by", m.recordedBy())
                        .addValue("key", m.idempotencyKey())).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < meetings.size(); i++) {
            meetings.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        List<MapSqlParameterSource> attendance = new ArrayList<>();
        List<MapSqlParameterSource> decisions = new ArrayList<>();
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (Meeting m : meetings) {
            m.attendance().forEach((member, a) -> attendance.add(new MapSqlParameterSource().addValue("m", m.id())
                    .addValue("member", member).addValue("a", a.name()).addValue("full", m.fullMember(member))));
            for (int i = 0; i < m.decisions().size(); i++) {
                decisions.add(new MapSqlParameterSource().addValue("m", m.id()).addValue("p", i + 1).addValue("t", m.decisions().get(i)));
            }
            m.events().forEach(e -> events.add(new MapSqlParameterSource().addValue("s", "meeting").addValue("k", String.valueOf(m.id()))
                    .addValue("type", e.type()).addValue("at", time(e.at())).addValue("actor", e.actor()).addValue("note", e.note())));
        }
        if (!attendance.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO meeting_attendance (meeting_id, member_id, attendance, full_member)
                    VALUES (:m, :member, :a, :full)""",
                    attendance.toArray(MapSqlParameterSource[]::new));
        }
        if (!decisions.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO meeting_decision (meeting_id, position, text) VALUES (:m, :p, :t)",
                    decisions.toArray(MapSqlParameterSource[]::new));
        }
        writeEvents(events);
        meetings.forEach(Meeting::written);
    }

    void writeEvents(List<MapSqlParameterSource> events) {
        if (!events.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO meeting_event (subject, subject_key, type, happened_at, actor, note)
                    VALUES (:s, :k, :type, :at, :actor, :note)""", events.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static final String FROM = " " + """
             FROM meeting g JOIN party_org p ON p.id = g.party_org_id JOIN member c ON c.id = g.chair_id""";
    private static final String COLUMNS = """
            SELECT g.id, p.code AS org_code, p.name AS org_name, g.kind, g.held_on, g.place, c.code AS chair_code,
                   c.name AS chair_name, g.first_item_study, g.study_topic, g.full_members, g.full_present, g.quorate,
                   g.recorded_at, g.recorded_by""";

    public PageResult<Row> list(PartyLifeScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
        List<Row> rows = jdbc.query(COLUMNS + FROM + where.sql() + " ORDER BY g.held_on DESC, g.id DESC LIMIT :limit OFFSET :offset",
                where.params(page), Meetings::row);
        return PageResult.of(rows, page, total);
    }

    public long count(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
    }

    /** The meetings in scope per month of the filter's days (index 1 to 12), with the list's conditions. */
    public long[] countPerMonth(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        long[] counts = new long[13];
        jdbc.query("SELECT EXTRACT(MONTH FROM g.held_on) AS mo, COUNT(*)" + FROM + where.sql() + " GROUP BY EXTRACT(MONTH FROM g.held_on)",
                where.params(), (java.sql.ResultSet rs) -> {
                    counts[rs.getInt(1)] += rs.getLong(2);
                });
        return counts;
    }

    /** The meeting and where it belongs, whatever the scope: the caller checks it. */
    public record Owner(long id, long partyOrgId, Long organId, Long communityId) {
    }

    /**
     * The organisation's members today, those of the organisations below it included (a branch's party groups, a
     * general branch's branches).
     */
    public List<Meeting.OnRoll> roll(long partyOrgId) {
        return jdbc.query("""
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM party_org WHERE id = :p
                    UNION ALL
                    SELECT o.id FROM party_org o JOIN tree t ON o.parent_id = t.id)
                SELECT m.id, m.code, m.name, m.status, m.party_org_id, m.position FROM member m
                WHERE m.party_org_id IN (SELECT id FROM tree) ORDER BY m.code""",
                Map.of("p", partyOrgId), (rs, n) -> new Meeting.OnRoll(rs.getLong(1), rs.getString(2), rs.getString(3),
                        "FULL".equals(rs.getString(4)), rs.getLong(5) == partyOrgId && Meeting.committeePost(rs.getString(6))));
    }

    /** Keeps a meeting's optional photo, in the recording's transaction. */
    public void savePhoto(long meetingId, Photo photo, String actor, Instant at) {
        jdbc.update("""
                INSERT INTO meeting_photo (meeting_id, content_type, content, size_bytes, added_at, added_by)
                VALUES (:m, :type, :content, :size, :at, :by)""", new MapSqlParameterSource("m", meetingId)
                .addValue("type", photo.contentType()).addValue("content", photo.content()).addValue("size", photo.content().length)
                .addValue("at", time(at)).addValue("by", actor));
    }

    public Optional<Photo> photo(long meetingId) {
        return jdbc.query("SELECT content_type, content FROM meeting_photo WHERE meeting_id = :m", Map.of("m", meetingId),
                (rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).stream().findFirst();
    }

    public Optional<Owner> owner(long id) {
        return jdbc.query("SELECT g.id, p.id, p.organ_id, p.community_id FROM meeting g JOIN party_org p ON p.id = g.party_org_id "
                        + "WHERE g.id = :id", Map.of("id", id),
                (rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class)))
                .stream().findFirst();
    }

    /** One meeting's row of the list, without its attendance, decisions and events. */
    public Row row(long id) {
        return jdbc.queryForObject(COLUMNS + FROM + " WHERE g.id = :id", Map.of("id", id), Meetings::row);
    }

    public Detail detail(long id) {
        Row row = row(id);
        String minutes = jdbc.queryForList("SELECT minutes FROM meeting WHERE id = :id", Map.of("id", id), String.class).get(0);
        boolean photo = !jdbc.queryForList("SELECT meeting_id FROM meeting_photo WHERE meeting_id = :id", Map.of("id", id), Long.class)
                .isEmpty();
        List<DecisionRow> decisions = jdbc.query(DECISION_COLUMNS + DECISION_FROM + " WHERE d.meeting_id = :id ORDER BY d.position",
                Map.of("id", id), this::decisionRow);
        List<Attendee> attendance = jdbc.query("""
                        SELECT m.code, m.name, a.full_member, a.attendance FROM meeting_attendance a JOIN member m ON m.id = a.member_id
                        WHERE a.meeting_id = :id ORDER BY m.code""", Map.of("id", id),
                (rs, n) -> {
                    Attendance a = Attendance.valueOf(rs.getString(4));
                    return new Attendee(rs.getString(1), rs.getString(2), rs.getBoolean(3), a, a.label());
                });
        List<Meeting.Event> events = jdbc.query("""
                        SELECT type, happened_at, actor, note FROM meeting_event WHERE subject = 'meeting' AND subject_key = :k
                        ORDER BY id""", Map.of("k", String.valueOf(id)),
                (rs, n) -> new Meeting.Event(rs.getString(1), instant(rs, "happened_at"), rs.getString(3), rs.getString(4)));
        return new Detail(row, minutes, decisions, attendance, events, photo);
    }

    private static final String DECISION_FROM = " " + """
             FROM meeting_decision d JOIN meeting g ON g.id = d.meeting_id JOIN party_org p ON p.id = g.party_org_id
             LEFT JOIN member w ON w.id = d.owner_id""";
    private static final String DECISION_COLUMNS = """
            SELECT d.meeting_id, p.code AS org_code, p.name AS org_name, g.held_on, g.kind, d.position, d.text, d.call_id,
                   d.call_state, d.delivered, w.code AS owner_code, w.name AS owner_name, d.due_on, d.reported_at, d.report,
                   d.directive_id, d.directive_units, d.directive_completed""";

    /** The decisions of the meetings in scope, newest meeting first. */
    public PageResult<DecisionRow> decisions(PartyLifeScope scope, DecisionFilter filter, PageQuery page) {
        SqlWhere where = decisionWhere(scope, filter);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + DECISION_FROM + where.sql(), where.params(), Long.class);
        List<DecisionRow> rows = jdbc.query(DECISION_COLUMNS + DECISION_FROM + where.sql()
                + " ORDER BY g.held_on DESC, g.id DESC, d.position LIMIT :limit OFFSET :offset", where.params(page), this::decisionRow);
        return PageResult.of(rows, page, total);
    }

    public long countDecisions(PartyLifeScope scope, DecisionFilter filter) {
        SqlWhere where = decisionWhere(scope, filter);
        return jdbc.queryForObject("SELECT COUNT(*)" + DECISION_FROM + where.sql(), where.params(), Long.class);
    }

    private static SqlWhere decisionWhere(PartyLifeScope scope, DecisionFilter filter) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.eq("p.code", "f_org", filter.org());
        organ(where, filter.organ());
        if (filter.delivered() != null) {
            where.and("d.delivered = :f_delivered", Map.of("f_delivered", filter.delivered()));
        }
        return where;
    }

    public Optional<Decision> decision(long meetingId, int position) {
        return jdbc.query(DECISION_LOAD + " WHERE meeting_id = :m AND position = :p", Map.of("m", meetingId, "p", position),
                Meetings::decision).stream().findFirst();
    }

    public Optional<Decision> decisionOfCall(long callId) {
        return jdbc.query(DECISION_LOAD + " WHERE call_id = :c", Map.of("c", callId), Meetings::decision).stream().findFirst();
    }

    private static final String DECISION_LOAD = "SELECT meeting_id, position, text, version, call_id, call_state, delivered,"
            + " owner_id, due_on, reported_at, report, directive_id, directive_units, directive_completed FROM meeting_decision";

    public Optional<Decision> decisionOfDirective(long directiveId) {
        return jdbc.query(DECISION_LOAD + " WHERE directive_id = :d", Map.of("d", directiveId), Meetings::decision).stream().findFirst();
    }

    /** Writes what became of a decision (call and state, or task), guarded by its version, and its events on the meeting. */
    public void save(Decision d) {
        Decision.Task task = d.task();
        int updated = jdbc.update("""
                UPDATE meeting_decision SET call_id = :call, call_state = :state, delivered = :delivered, owner_id = :owner,
                       due_on = :due, reported_at = :reported, report = :report, directive_id = :directive,
                       directive_units = :units, directive_completed = :completed, version = version + 1
                WHERE meeting_id = :m AND position = :p AND version = :v""", new MapSqlParameterSource("call", d.callId())
                .addValue("state", d.callState() == null ? null : d.callState().name()).addValue("delivered", d.delivered())
                .addValue("owner", task == null ? null : task.ownerId()).addValue("due", task == null ? null : task.dueOn())
                .addValue("reported", task == null ? null : time(task.reportedAt()))
                .addValue("report", task == null ? null : task.report())
                .addValue("directive", d.directed() == null ? null : d.directed().directiveId())
                .addValue("units", d.directed() == null ? null : d.directed().units())
                .addValue("completed", d.directed() == null ? null : d.directed().completed())
                .addValue("m", d.meetingId()).addValue("p", d.position()).addValue("v", d.version()));
        if (updated != 1) {
            throw new org.ronghe.platform.ConflictException("决定事项已被他人修改，请刷新后重试", Map.of("meeting", d.meetingId()));
        }
        writeEvents(d.events().stream().map(e -> new MapSqlParameterSource().addValue("s", "meeting")
                .addValue("k", String.valueOf(d.meetingId())).addValue("type", e.type()).addValue("at", time(e.at()))
                .addValue("actor", e.actor()).addValue("note", e.note())).toList());
        d.written();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("call_state");
        Long owner = (Long) rs.getObject("owner_id", Long.class);
        Decision.Task task = owner == null ? null
                : new Decision.Task(owner, rs.getObject("due_on", LocalDate.class), instant(rs, "reported_at"), rs.getString("report"));
        Long directive = (Long) rs.getObject("directive_id", Long.class);
        Decision.Directed directed = directive == null ? null
                : new Decision.Directed(directive, rs.getInt("directive_units"), rs.getInt("directive_completed"));
        return new Decision(rs.getLong("meeting_id"), rs.getInt("position"), rs.getString("text"), rs.getInt("version"),
                (Long) rs.getObject("call_id", Long.class), state == null ? null : CallState.valueOf(state), rs.getBoolean("delivered"),
                task, directed);
    }

    private DecisionRow decisionRow(ResultSet rs, int n) throws SQLException {
        FollowUp f = FollowUp.of(rs);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new DecisionRow(rs.getLong("meeting_id"), rs.getString("org_code"), rs.getString("org_name"),
                rs.getObject("held_on", LocalDate.class), MeetingKind.valueOf(rs.getString("kind")).label(), rs.getInt("position"),
                rs.getString("text"), f.callId(), f.callState(), f.callState() == null ? null : f.callState().label(), f.delivered(),
                f.label(today), rs.getString("owner_code"), f.ownerName(), f.dueOn(), instant(rs, "reported_at"), rs.getString("report"),
                f.overdue(today), f.directiveId(), f.directiveUnits(), f.directiveCompleted());
    }

    /** A meeting as compliance needs it; {@code bySecretary}: chaired (given, for a lecture) by the organisation's secretary. */
    public record Held(long partyOrgId, MeetingKind kind, LocalDate heldOn, boolean quorate, boolean firstItemStudy,
                       boolean bySecretary) {
    }

    /** Every meeting of the organisations in the list held between the dates, in one query. */
    public List<Held> held(List<Long> partyOrgs, LocalDate from, LocalDate to) {
        if (partyOrgs.isEmpty()) {
            return List.of();
        }
        List<Held> held = new ArrayList<>();
        // In slices, so no IN list grows past what a driver binds comfortably.
        for (int i = 0; i < partyOrgs.size(); i += 1000) {
            held.addAll(jdbc.query("""
                            SELECT g.party_org_id, g.kind, g.held_on, g.quorate, g.first_item_study,
                                   CASE WHEN c.party_org_id = g.party_org_id AND c.position IN ('SECRETARY', 'FIRST_SECRETARY')
                                        THEN 1 ELSE 0 END
                            FROM meeting g JOIN member c ON c.id = g.chair_id
                            WHERE g.party_org_id IN (:orgs) AND g.held_on BETWEEN :from AND :to""",
                    new MapSqlParameterSource("orgs", partyOrgs.subList(i, Math.min(partyOrgs.size(), i + 1000)))
                            .addValue("from", from).addValue("to", to),
                    (rs, n) -> new Held(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6) == 1)));
        }
        return held;
    }

    private static SqlWhere where(PartyLifeScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.eq("p.code", "f_org", filter.org());
        organ(where, filter.organ());
        where.eq("g.kind", "f_kind", filter.kind() == null ? null : filter.kind().name());
        if (filter.from() != null) {
            where.and("g.held_on >= :f_from", Map.of("f_from", filter.from()));
        }
        if (filter.to() != null) {
            where.and("g.held_on <= :f_to", Map.of("f_to", filter.to()));
        }
        if (filter.firstItemStudy() != null) {
            where.and("g.first_item_study = :f_first", Map.of("f_first", filter.firstItemStudy()));
        }
        return where;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        MeetingKind kind = MeetingKind.valueOf(rs.getString("kind"));
        return new Row(rs.getLong("id"), rs.getString("org_code"), rs.getString("org_name"), kind, kind.label(),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("chair_code"), rs.getString("chair_name"),
                rs.getBoolean("first_item_study"), rs.getString("study_topic"), rs.getInt("full_members"), rs.getInt("full_present"),
                rs.getBoolean("quorate"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
