package org.ronghe.partylife;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.partylife.commitment.CommitmentDesk;
import org.ronghe.partylife.commitment.CommitmentQueries;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link OrganisationalLife} from the compliance book, one grouped attendance query and the lists' own counts. */
@Component
class OrganisationalLifeRecords implements OrganisationalLife {

    private final ComplianceBook book;
    private final PartyLifeScopes scopes;
    private final Meetings meetings;
    private final CommitmentQueries commitments;
    private final NamedParameterJdbcTemplate jdbc;

    OrganisationalLifeRecords(ComplianceBook book, PartyLifeScopes scopes, Meetings meetings, CommitmentQueries commitments,
                              NamedParameterJdbcTemplate jdbc) {
        this.book = book;
        this.scopes = scopes;
        this.meetings = meetings;
        this.commitments = commitments;
        this.jdbc = jdbc;
    }

    @Override
    public List<OrgCompliance> compliance(CurrentUser user, String organ, int year) {
        return book.lines(scopes.of(user), organ, book.year(year)).stream().map(o -> new OrgCompliance(o.org().code(), o.org().name(),
                o.org().kind(), o.org().organCode(), o.tally(),
                Compliance.tally(o.lines().stream().filter(l -> l.kind() == MeetingKind.LECTURE).toList()))).toList();
    }

    @Override
    public List<MonthlyAttendance> attendance(CurrentUser user, String organ, int year) {
        int y = book.year(year);
        SqlWhere where = new SqlWhere().and(scopes.of(user).partyOrgs("p"));
        where.eq("o.code", "f_organ", organ);
        where.and("g.held_on BETWEEN :f_from AND :f_to", java.util.Map.of("f_from", LocalDate.of(y, 1, 1), "f_to", LocalDate.of(y, 12, 31)));
        return jdbc.query("""
                        SELECT o.code, EXTRACT(MONTH FROM g.held_on) AS held_month, SUM(g.full_members) AS expected,
                               SUM(g.full_present) AS present
                        FROM meeting g JOIN party_org p ON p.id = g.party_org_id JOIN organ o ON o.id = p.organ_id"""
                        + where.sql() + " GROUP BY o.code, EXTRACT(MONTH FROM g.held_on) ORDER BY o.code, held_month",
                where.params(), (rs, n) -> new MonthlyAttendance(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
    }

    @Override
    public List<Unfinished> unfinished(CurrentUser user, int year) {
        int y = book.year(year);
        PartyLifeScope scope = scopes.of(user);
        long decisions = meetings.countDecisions(scope, new Meetings.DecisionFilter(null, null));
        long delivered = meetings.countDecisions(scope, new Meetings.DecisionFilter(null, true));
        long measurable = commitments.count(scope, new CommitmentQueries.Filter(null, null, null, null, y, true, null));
        long unfulfilled = commitments.count(scope, new CommitmentQueries.Filter(null, null, null, null, y, null, false));
        return List.of(
                new Unfinished("decisionsUndelivered", "会议决定未落实（含尚在办理）", decisions - delivered, decisions,
                        "/meetings/decisions?delivered=false", false),
                new Unfinished("commitmentsUnfulfilled", "党员量化承诺未兑现", unfulfilled, measurable,
                        "/commitments?year=" + y + "&fulfilled=false", true));
    }
}
