package org.ronghe.partylife.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ronghe.partylife.Compliance;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingRules;
import org.ronghe.partylife.Meetings;
import org.ronghe.partylife.PartyLifeRecords;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.partylife.commitment.CommitmentQueries;
import org.ronghe.partylife.responsibility.DutyFulfilment;
import org.ronghe.partylife.responsibility.ItemStatus;
import org.ronghe.partylife.responsibility.Letters;
import org.ronghe.partylife.responsibility.ResponsibilityScope;
import org.ronghe.directory.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Organisational life of every organisation at once, computed with the code the pages use: {@link Compliance} over
 * the organisations, the rules and the year's meetings (three reads), the commitments' progress as the commitments
 * list computes it (an organisation's with those of the organisations under it, as that list shows them), the duty items' status as the responsibility pages do, and two grouped queries for decisions
 * and review grades.
 */
@Service
class PartyLifeTally implements PartyLifeRecords {

    private final ComplianceBook book;
    private final Meetings meetings;
    private final MeetingRules rules;
    private final CommitmentQueries commitments;
    private final DutyFulfilment duties;
    private final JdbcClient jdbc;
    private final Clock clock;

    PartyLifeTally(ComplianceBook book, Meetings meetings, MeetingRules rules, CommitmentQueries commitments, DutyFulfilment duties,
                   JdbcClient jdbc, Clock clock) {
        this.book = book;
        this.meetings = meetings;
        this.rules = rules;
        this.commitments = commitments;
        this.duties = duties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, OrgLife> organisations(int year, LocalDate asOf) {
        LocalDate from = LocalDate.of(year, 1, 1);
        // A period is due once it has begun by the day after asOf, and missing once it ended before that day
        LocalDate today = earliest(asOf.plusDays(1), book.today());
        List<Compliance.Org> orgs = book.everyOrg();
        List<Compliance.Rule> all = rules.all();
        Map<Long, List<Meetings.Held>> held = meetings.held(orgs.stream().map(Compliance.Org::id).toList(), from, asOf).stream()
                .collect(Collectors.groupingBy(Meetings.Held::partyOrgId));
        Map<String, long[]> decided = decisions(from, asOf);
        Map<String, Long> unqualified = unqualified(year);
        Map<String, long[]> promised = commitments(year);
        Map<String, OrgLife> life = new HashMap<>();
        for (Compliance.Org org : orgs) {
            List<Meetings.Held> own = held.getOrDefault(org.id(), List.of());
            Compliance.Tally t = Compliance.tally(Compliance.lines(org, all, own, year, today));
            long[] d = decided.getOrDefault(org.code(), new long[2]);
            long[] c = promised.getOrDefault(org.code(), new long[2]);
            life.put(org.code(), new OrgLife(org.code(), org.organCode(), t.due(), t.held() + t.noFirstItem(), t.missing(), own.size(),
                    own.stream().filter(Meetings.Held::firstItemStudy).count(), d[0], d[1], c[0], c[1],
                    unqualified.getOrDefault(org.code(), 0L)));
        }
        return life;
    }

    @Override
    public Map<String, Duties> duties(int year, LocalDate asOf) {
        return duties.items(ResponsibilityScope.everything(), new Letters.Filter(null, year, null), null).stream()
                .filter(i -> i.status() != ItemStatus.WITHDRAWN)
                .collect(Collectors.groupingBy(DutyFulfilment.ItemView::organCode, Collectors.collectingAndThen(Collectors.toList(),
                        items -> new Duties(items.size(), items.stream().filter(i -> i.status() == ItemStatus.FULFILLED).count()))));
    }

    private Map<String, long[]> decisions(LocalDate from, LocalDate to) {
        Map<String, long[]> result = new HashMap<>();
        jdbc.sql("""
                        SELECT p.code, COUNT(*), SUM(CASE WHEN d.delivered THEN 1 ELSE 0 END)
                        FROM meeting_decision d JOIN meeting g ON g.id = d.meeting_id JOIN party_org p ON p.id = g.party_org_id
                        WHERE g.held_on BETWEEN :from AND :to GROUP BY p.code""")
                .param("from", from).param("to", to)
                .query((rs, n) -> result.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)})).list();
        return result;
    }

    private Map<String, Long> unqualified(int year) {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("""
                        SELECT p.code, COUNT(*) FROM review_participant rp JOIN review r ON r.id = rp.review_id
                        JOIN party_org p ON p.id = r.party_org_id
                        WHERE r.review_year = :y AND r.state = 'DECIDED' AND rp.grade = 'UNQUALIFIED' GROUP BY p.code""")
                .param("y", year)
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2))).list();
        return result;
    }

    private Map<String, long[]> commitments(int year) {
        Map<String, long[]> result = new HashMap<>();
        PartyLifeScope everything = new PartyLifeScope(DataScope.everything(false), java.util.Set.of());
        for (CommitmentQueries.Row row : commitments.all(everything, new CommitmentQueries.Filter(null, null, null, null, year, true, null))) {
            long[] c = result.computeIfAbsent(row.orgCode(), k -> new long[2]);
            c[0]++;
            c[1] += row.fulfilled() ? 1 : 0;
        }
        // The commitments list of an organisation shows those of the organisations under it too: so does the count
        Map<String, String> parents = new HashMap<>();
        jdbc.sql("SELECT p.code, q.code FROM party_org p JOIN party_org q ON q.id = p.parent_id")
                .query((rs, n) -> parents.put(rs.getString(1), rs.getString(2))).list();
        Map<String, long[]> rolled = new HashMap<>();
        result.forEach((code, c) -> {
            for (String at = code; at != null; at = parents.get(at)) {
                long[] r = rolled.computeIfAbsent(at, k -> new long[2]);
                r[0] += c[0];
                r[1] += c[1];
            }
        });
        return rolled;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
