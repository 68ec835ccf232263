package org.ronghe.partylife.responsibility;

import static org.ronghe.partylife.responsibility.Stored.instant;
import static org.ronghe.partylife.responsibility.Stored.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores duty reports with their ballots, counts and events, and reads them back within a scope. Nothing is deleted. */
@Repository
public class DutyReports {

    static final String SUBJECT = "duty-report";

    private final NamedParameterJdbcTemplate jdbc;

    DutyReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A report as listed, with its evaluation: {@code result} is the share of 好 and 较好, null before any vote. */
    public record Row(long id, String organCode, String organName, int year, String orgCode, String orgName, String reporterCode,
                      String reporterName, long meetingId, LocalDate meetingHeldOn, DutyReport.Evaluation evaluation,
                      String evaluationLabel, int good, int fairlyGood, int fair, int poor, int votes, Double result,
                      Instant submittedAt, String submittedBy) {
    }

    public record Detail(Row report, String text, List<Event> events) {
    }

    public record Filter(String organ, Integer year) {
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM duty_report WHERE submitted_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    public boolean exists(long partyOrgId, int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM duty_report WHERE party_org_id = :p AND report_year = :y",
                Map.of("p", partyOrgId, "y", year), Long.class) > 0;
    }

    /** Writes new reports (one, or the demo's), their ballots and events, in batches. */
    public void saveAllNew(List<DutyReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO duty_report (version, organ_id, report_year, party_org_id, reporter_id, meeting_id, body, evaluation,
                                                 good, fairly_good, fair, poor, submitted_at, submitted_by, idempotency_key)
                        VALUES (0, :organ, :y, :org, :reporter, :meeting, :body, :evaluation, :good, :fairlyGood, :fair, :poor,
                                :at, :by, :key)""",
                reports.stream().map(r -> counts(new MapSqlParameterSource("organ", r.organId()).addValue("y", r.year())
                        .addValue("org", r.partyOrgId()).addValue("reporter", r.reporterId()).addValue("meeting", r.meetingId())
                        .addValue("body", r.body()).addValue("at", time(r.submittedAt())).addValue("by", r.submittedBy())
                        .addValue("key", r.idempotencyKey()), r)).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        written(reports);
    }

    /** Writes a report's evaluation and counts, guarded by its version, with its new ballots and events. */
    public void save(DutyReport r) {
        int updated = jdbc.update("""
                UPDATE duty_report SET evaluation = :evaluation, good = :good, fairly_good = :fairlyGood, fair = :fair, poor = :poor,
                       version = version + 1 WHERE id = :id AND version = :v""",
                counts(new MapSqlParameterSource("id", r.id()).addValue("v", r.version()), r));
        if (updated != 1) {
            throw new ConflictException("述职测评已被他人修改，请刷新后重试", Map.of("report", r.id()));
        }
        written(List.of(r));
    }

    private void written(List<DutyReport> reports) {
        List<MapSqlParameterSource> ballots = new ArrayList<>();
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (DutyReport r : reports) {
            r.ballots().forEach(b -> ballots.add(new MapSqlParameterSource("r", r.id()).addValue("m", b.voterId())
                    .addValue("g", b.grade().name()).addValue("at", time(b.at()))));
            r.events().forEach(e -> events.add(Stored.event(SUBJECT, r.id(), e)));
        }
        if (!ballots.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO duty_report_ballot (report_id, member_id, grade, cast_at) VALUES (:r, :m, :g, :at)",
                    ballots.toArray(MapSqlParameterSource[]::new));
        }
        Stored.writeEvents(jdbc, events);
        reports.forEach(DutyReport::written);
    }

    private static MapSqlParameterSource counts(MapSqlParameterSource params, DutyReport r) {
        return params.addValue("evaluation", r.evaluation() == null ? null : r.evaluation().name())
                .addValue("good", r.count(Grade.GOOD)).addValue("fairlyGood", r.count(Grade.FAIRLY_GOOD))
                .addValue("fair", r.count(Grade.FAIR)).addValue("poor", r.count(Grade.POOR));
    }

    public Optional<DutyReport> load(long id) {
        return jdbc.query("""
                SELECT id, version, organ_id, report_year, party_org_id, reporter_id, meeting_id, body, evaluation, good, fairly_good,
                       fair, poor, submitted_at, submitted_by, idempotency_key FROM duty_report WHERE id = :id""", Map.of("id", id),
                (rs, n) -> {
                    Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
                    counts.put(Grade.GOOD, rs.getInt("good"));
                    counts.put(Grade.FAIRLY_GOOD, rs.getInt("fairly_good"));
                    counts.put(Grade.FAIR, rs.getInt("fair"));
                    counts.put(Grade.POOR, rs.getInt("poor"));
                    String evaluation = rs.getString("evaluation");
                    return new DutyReport(rs.getLong("id"), rs.getInt("version"), rs.getLong("organ_id"), rs.getInt("report_year"),
                            rs.getLong("party_org_id"), rs.getLong("reporter_id"), rs.getLong("meeting_id"), rs.getString("body"),
                            evaluation == null ? null : DutyReport.Evaluation.valueOf(evaluation), counts, instant(rs, "submitted_at"),
                            rs.getString("submitted_by"), rs.getString("idempotency_key"));
                }).stream().findFirst();
    }

    public boolean voted(long reportId, long memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM duty_report_ballot WHERE report_id = :r AND member_id = :m",
                Map.of("r", reportId, "m", memberId), Long.class) > 0;
    }

    private static final String FROM = " " + """
             FROM duty_report r JOIN organ o ON o.id = r.organ_id JOIN party_org p ON p.id = r.party_org_id
             JOIN member m ON m.id = r.reporter_id JOIN meeting g ON g.id = r.meeting_id""";
    private static final String COLUMNS = """
            SELECT r.id, o.code AS organ_code, o.name AS organ_name, r.report_year, p.code AS org_code, p.name AS org_name,
                   m.code AS reporter_code, m.name AS reporter_name, r.meeting_id, g.held_on, r.evaluation, r.good, r.fairly_good,
                   r.fair, r.poor, r.submitted_at, r.submitted_by""";

    public PageResult<Row> list(ResponsibilityScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
        List<Row> rows = jdbc.query(COLUMNS + FROM + where.sql() + " ORDER BY r.report_year DESC, o.code, p.code LIMIT :limit OFFSET :offset",
                where.params(page), DutyReports::row);
        return PageResult.of(rows, page, total);
    }

    /** An organ's reports of a year, for its letter. */
    public List<Row> ofOrgan(long organId, int year) {
        return jdbc.query(COLUMNS + FROM + " WHERE r.organ_id = :o AND r.report_year = :y ORDER BY p.code",
                Map.of("o", organId, "y", year), DutyReports::row);
    }

    public Detail detail(long id) {
        Row row = jdbc.queryForObject(COLUMNS + FROM + " WHERE r.id = :id", Map.of("id", id), DutyReports::row);
        String text = jdbc.queryForObject("SELECT body FROM duty_report WHERE id = :id", Map.of("id", id), String.class);
        return new Detail(row, text, Stored.events(jdbc, SUBJECT, id));
    }

    private static SqlWhere where(ResponsibilityScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(scope.clause("r.organ_id"));
        where.eq("o.code", "f_organ", filter.organ());
        where.eq("r.report_year", "f_year", filter.year());
        return where;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String evaluation = rs.getString("evaluation");
        DutyReport.Evaluation e = evaluation == null ? null : DutyReport.Evaluation.valueOf(evaluation);
        int good = rs.getInt("good");
        int fairlyGood = rs.getInt("fairly_good");
        int fair = rs.getInt("fair");
        int poor = rs.getInt("poor");
        int votes = good + fairlyGood + fair + poor;
        return new Row(rs.getLong("id"), rs.getString("organ_code"), rs.getString("organ_name"), rs.getInt("report_year"),
                rs.getString("org_code"), rs.getString("org_name"), rs.getString("reporter_code"), rs.getString("reporter_name"),
                rs.getLong("meeting_id"), rs.getObject("held_on", LocalDate.class), e,
                e == null ? "未测评" : e == DutyReport.Evaluation.BALLOT ? "参会党员投票" : "纸质测评", good, fairlyGood, fair, poor, votes,
                DutyReport.result(good, fairlyGood, votes), instant(rs, "submitted_at"), rs.getString("submitted_by"));
    }
}
