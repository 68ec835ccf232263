package org.ronghe.partylife;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a period ends: {@code ronghe.partylife.remind-before} (7 days by default) before the end of a
 * rule's period, one reminder per organisation, kind and period whose meeting is still missing. Run daily by
 * the {@code meeting-reminders} task; running it twice on a day adds nothing (a unique key).
 */
@Service
public class Reminders {

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplianceBook book;
    private final MeetingRules rules;
    private final Meetings meetings;
    private final Clock clock;
    private final Duration before;

    Reminders(NamedParameterJdbcTemplate jdbc, ComplianceBook book, MeetingRules rules, Meetings meetings, Clock clock,
              @Value("${ronghe.partylife.remind-before:7d}") Duration before) {
        this.jdbc = jdbc;
        this.book = book;
        this.rules = rules;
        this.meetings = meetings;
        this.clock = clock;
        this.before = before;
    }

    public record Reminder(long id, String orgCode, String orgName, MeetingKind kind, String kindLabel, String period,
                           LocalDate periodEnd, boolean resolved) {
    }

    /** Writes today's reminders; answers how many were new. */
    @Transactional
    public int remind() {
        LocalDate today = book.today();
        List<Compliance.Rule> all = rules.all();
        List<Compliance.Org> orgs = book.everyOrg();
        record Due(Compliance.Org org, MeetingKind kind, Cadence.Period period) {
        }
        List<Due> due = new ArrayList<>();
        for (Compliance.Org org : orgs) {
            for (Compliance.Rule rule : all) {
                if (!rule.appliesTo(org)) {
                    continue;
                }
                Cadence.Period period = rule.cadence().periodOf(today);
                boolean alive = (org.from() == null || !today.isBefore(org.from())) && (org.until() == null || !today.isAfter(org.until()));
                if (alive && !today.isBefore(period.end().minusDays(before.toDays()))) {
                    due.add(new Due(org, rule.kind(), period));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        LocalDate from = due.stream().map(d -> d.period().start()).min(LocalDate::compareTo).orElseThrow();
        Set<String> held = new HashSet<>();
        meetings.held(due.stream().map(d -> d.org().id()).distinct().toList(), from, today)
                .forEach(m -> held.add(m.partyOrgId() + "/" + m.kind() + "/" + m.heldOn()));
        Set<String> reminded = new HashSet<>(jdbc.query("SELECT party_org_id, kind, period_code FROM meeting_reminder WHERE period_end >= :t",
                Map.of("t", today), (rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3)));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Due d : due) {
            boolean met = false;
            for (LocalDate day = d.period().start(); !day.isAfter(today) && !met; day = day.plusDays(1)) {
                met = held.contains(d.org().id() + "/" + d.kind() + "/" + day);
            }
            if (!met && !reminded.contains(d.org().id() + "/" + d.kind() + "/" + d.period().code())) {
                rows.add(new MapSqlParameterSource("org", d.org().id()).addValue("kind", d.kind().name())
                        .addValue("code", d.period().code()).addValue("start", d.period().start()).addValue("end", d.period().end())
                        .addValue("at", Meetings.time(clock.instant())));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int[] written = jdbc.batchUpdate("""
                INSERT INTO meeting_reminder (party_org_id, kind, period_code, period_start, period_end, created_at)
                SELECT :org, :kind, :code, :start, :end, :at WHERE NOT EXISTS (
                    SELECT 1 FROM meeting_reminder WHERE party_org_id = :org AND kind = :kind AND period_code = :code)""",
                rows.toArray(MapSqlParameterSource[]::new));
        int count = 0;
        for (int w : written) {
            count += Math.max(w, 0);
        }
        meetings.writeEvents(List.of(new MapSqlParameterSource("s", "reminders").addValue("k", today.toString())
                .addValue("type", "REMINDED").addValue("at", Meetings.time(clock.instant())).addValue("actor", "system")
                .addValue("note", count + " reminders")));
        return count;
    }

    /** Reminders of the organisations in scope, newest period first; resolved once a meeting of the period is recorded. */
    public PageResult<Reminder> list(PartyLifeScope scope, String org, PageQuery page) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.eq("p.code", "f_org", org);
        String from = " FROM meeting_reminder r JOIN party_org p ON p.id = r.party_org_id";
        long total = jdbc.queryForObject("SELECT COUNT(*)" + from + where.sql(), where.params(), Long.class);
        List<Reminder> rows = jdbc.query("""
                        SELECT r.id, p.code, p.name, r.kind, r.period_code, r.period_end,
                               CASE WHEN EXISTS (SELECT 1 FROM meeting g WHERE g.party_org_id = r.party_org_id AND g.kind = r.kind
                                   AND g.held_on BETWEEN r.period_start AND r.period_end) THEN TRUE ELSE FALSE END AS resolved"""
                        + from + where.sql() + " ORDER BY r.period_end DESC, p.code, r.kind LIMIT :limit OFFSET :offset",
                where.params(page), (rs, n) -> {
                    MeetingKind kind = MeetingKind.valueOf(rs.getString(4));
                    return new Reminder(rs.getLong(1), rs.getString(2), rs.getString(3), kind, kind.label(), rs.getString(5),
                            rs.getObject(6, LocalDate.class), rs.getBoolean(7));
                });
        return PageResult.of(rows, page, total);
    }
}
