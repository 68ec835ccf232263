package org.ronghe.partylife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.SqlWhere;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads what compliance is computed from (organisations in scope, rules, the year's meetings: three queries)
 * and computes it with {@link Compliance}: one organisation's grid, or the roll-up of every organisation in
 * scope, optionally of one organ. The compliance page, the API and the {@code meetingCompliance} figure all
 * come from here.
 */
@Service
public class ComplianceBook {

    private final NamedParameterJdbcTemplate jdbc;
    private final Meetings meetings;
    private final MeetingRules rules;
    private final Clock clock;
    private final ZoneId zone;

    ComplianceBook(NamedParameterJdbcTemplate jdbc, Meetings meetings, MeetingRules rules, Clock clock,
                   @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
    }

    /** One organisation's grid: rules by periods. */
    public record Grid(String orgCode, String orgName, String orgKind, String organCode, int year, LocalDate today,
                       List<Compliance.Line> lines, Compliance.Tally tally, Double rate) {
    }

    public record OrgSummary(String code, String name, String kind, String organCode, Compliance.Tally tally, Double rate) {
    }

    /** The organisations in scope (of one organ, if named), each with its tally, and the total. */
    public record Rollup(int year, String organ, List<OrgSummary> orgs, Compliance.Tally tally, Double rate) {
    }

    /** The platform's zone, where a period's days begin and end. */
    public java.time.ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public int year(Integer year) {
        int current = today().getYear();
        if (year == null) {
            return current;
        }
        if (year < 2000 || year > current + 1) {
            throw new IllegalArgumentException("年份应在 2000 年至 " + (current + 1) + " 年之间");
        }
        return year;
    }

    public Grid grid(PartyLifeScope scope, String orgCode, Integer year) {
        int y = year(year);
        String code = orgCode.trim();
        record Found(Compliance.Org org, Long organId, Long communityId) {
        }
        Found found = jdbc.query(ORGS + " WHERE p.code = :code", Map.of("code", code),
                        (rs, n) -> new Found(org(rs), (Long) rs.getObject("organ_id", Long.class), (Long) rs.getObject("community_id", Long.class)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("党组织", code));
        if (!scope.sees(found.org().id(), found.organId(), found.communityId())) {
            throw new OutOfScopeException("党组织", code);
        }
        List<Compliance.Line> lines = Compliance.lines(found.org(), rules.all(),
                meetings.held(List.of(found.org().id()), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), y, today());
        Compliance.Tally tally = Compliance.tally(lines);
        Compliance.Org o = found.org();
        return new Grid(o.code(), o.name(), o.kind(), o.organCode(), y, today(), lines, tally, tally.rate());
    }

    public Rollup rollup(PartyLifeScope scope, String organ, Integer year) {
        int y = year(year);
        List<OrgSummary> summaries = new ArrayList<>();
        Compliance.Tally total = Compliance.Tally.ZERO;
        for (OrgLines org : lines(scope, organ, y)) {
            Compliance.Tally tally = org.tally();
            summaries.add(new OrgSummary(org.org().code(), org.org().name(), org.org().kind(), org.org().organCode(), tally, tally.rate()));
            total = total.plus(tally);
        }
        summaries.sort(Comparator.comparing(OrgSummary::code));
        return new Rollup(y, organ == null || organ.isBlank() ? null : organ.trim(), summaries, total, total.rate());
    }

    /** An organisation and its compliance lines for the year (the rollup's tally is theirs, summed). */
    record OrgLines(Compliance.Org org, List<Compliance.Line> lines, Compliance.Tally tally) {
    }

    /**
     * Every organisation in scope (of one organ, if named) that some rule applies to and that has a period due or open
     * in the year, with its lines, ordered by code: what the rollup and the diagnosis both read.
     */
    List<OrgLines> lines(PartyLifeScope scope, String organ, int y) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.eq("o.code", "f_organ", organ);
        List<Compliance.Org> orgs = jdbc.query(ORGS + where.sql() + " ORDER BY p.code", where.params(), (rs, n) -> org(rs));
        List<Compliance.Rule> all = rules.all();
        Map<Long, List<Meetings.Held>> held = meetings.held(orgs.stream().map(Compliance.Org::id).toList(),
                LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream().collect(Collectors.groupingBy(Meetings.Held::partyOrgId));
        LocalDate today = today();
        List<OrgLines> result = new ArrayList<>();
        for (Compliance.Org org : orgs) {
            if (all.stream().noneMatch(r -> r.appliesTo(org))) {
                continue;
            }
            List<Compliance.Line> lines = Compliance.lines(org, all, held.getOrDefault(org.id(), List.of()), y, today);
            Compliance.Tally tally = Compliance.tally(lines);
            if (tally.due() == 0 && tally.open() == 0) {
                continue;
            }
            result.add(new OrgLines(org, lines, tally));
        }
        return result;
    }

    /** Every organisation with the rules that apply to it: what the reminders run over. */
    public List<Compliance.Org> everyOrg() {
        return jdbc.query(ORGS, Map.of(), (rs, n) -> org(rs));
    }

    private static final String ORGS = """
            SELECT p.id, p.code, p.name, p.kind, p.has_committee, p.starts_on, p.ends_on, p.dissolved_on, p.organ_id,
                   p.community_id, o.code AS organ_code
            FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id""";

    private static Compliance.Org org(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate ends = rs.getObject("ends_on", LocalDate.class);
        LocalDate dissolved = rs.getObject("dissolved_on", LocalDate.class);
        LocalDate until = ends == null ? dissolved : dissolved == null ? ends : (ends.isBefore(dissolved) ? ends : dissolved);
        return new Compliance.Org(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getBoolean("has_committee"), rs.getObject("starts_on", LocalDate.class), until, rs.getString("organ_code"));
    }
}
