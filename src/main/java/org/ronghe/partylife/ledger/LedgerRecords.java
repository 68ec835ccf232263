package org.ronghe.partylife.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.Attendance;
import org.ronghe.partylife.FollowUp;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads an organisation's year for its ledgers in three set-based queries, however many meetings it held: the
 * meetings, every attendance mark of them, every decision of them (each on {@code meeting_org_held} and the primary
 * keys of attendance and decisions). And the organisations in a scope, to choose a ledger from.
 */
@Repository
class LedgerRecords {

    private final NamedParameterJdbcTemplate jdbc;

    LedgerRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String OF_THE_YEAR = " g.party_org_id = :org AND g.held_on BETWEEN :from AND :to";

    /** @param today the day the decisions' follow-up is told as of (a task past its due date is overdue) */
    YearRecords load(long partyOrgId, LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Object> params = Map.of("org", partyOrgId, "from", from, "to", to);
        List<YearRecords.MeetingLine> meetings = jdbc.query("""
                        SELECT g.id, g.held_on, g.kind, g.place, c.name AS chair_name, g.first_item_study, g.study_topic,
                               g.full_members, g.full_present, g.quorate, g.minutes
                        FROM meeting g JOIN member c ON c.id = g.chair_id
                        WHERE""" + OF_THE_YEAR + " ORDER BY g.held_on, g.id", params,
                (rs, n) -> new YearRecords.MeetingLine(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
                        MeetingKind.valueOf(rs.getString("kind")), rs.getString("place"), rs.getString("chair_name"),
                        rs.getBoolean("first_item_study"), rs.getString("study_topic"), rs.getInt("full_members"),
                        rs.getInt("full_present"), rs.getBoolean("quorate"), rs.getString("minutes")));
        List<YearRecords.Mark> marks = jdbc.query("""
                        SELECT a.meeting_id, m.code, m.name, a.full_member, a.attendance
                        FROM meeting g JOIN meeting_attendance a ON a.meeting_id = g.id JOIN member m ON m.id = a.member_id
                        WHERE""" + OF_THE_YEAR + " ORDER BY m.code, g.held_on, g.id", params,
                (rs, n) -> new YearRecords.Mark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Attendance.valueOf(rs.getString(5))));
        List<YearRecords.DecisionLine> decisions = jdbc.query("""
                        SELECT d.meeting_id, d.position, d.text, d.call_id, d.call_state, d.delivered, d.directive_id,
                               d.directive_units, d.directive_completed, d.due_on, w.name AS owner_name
                        FROM meeting g JOIN meeting_decision d ON d.meeting_id = g.id LEFT JOIN member w ON w.id = d.owner_id
                        WHERE""" + OF_THE_YEAR + " ORDER BY g.held_on, g.id, d.position", params,
                (rs, n) -> new YearRecords.DecisionLine(rs.getLong("meeting_id"), rs.getInt("position"), rs.getString("text"),
                        FollowUp.of(rs), today));
        return new YearRecords(meetings, marks, decisions);
    }

    PageResult<Ledgers.Choice> choices(PartyLifeScope scope, String q, LocalDate from, LocalDate to, PageQuery page) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.contains("f_q", q, "p.code", "p.name");
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM party_org p" + where.sql(), where.params(), Long.class);
        List<Ledgers.Choice> rows = jdbc.query("""
                        SELECT p.code, p.name, p.kind, o.name AS organ_name,
                               (SELECT COUNT(*) FROM meeting g WHERE g.party_org_id = p.id AND g.held_on BETWEEN :from AND :to) AS meetings
                        FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id""" + where.sql()
                        + " ORDER BY p.code LIMIT :limit OFFSET :offset",
                where.params(page).addValue("from", from).addValue("to", to),
                (rs, n) -> new Ledgers.Choice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        return PageResult.of(rows, page, total);
    }
}
