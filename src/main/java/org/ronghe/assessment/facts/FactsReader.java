package org.ronghe.assessment.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.assessment.Evidence;
import org.ronghe.assessment.Measure;
import org.ronghe.assessment.Metric;
import org.ronghe.assessment.Subject;
import org.ronghe.calls.CallOutcomes;
import org.ronghe.partylife.PartyLifeRecords;
import org.ronghe.visits.VisitRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every metric for every organ and every grassroots party organisation (committee, general branch, branch) over the
 * year up to a day, from a fixed handful of set-based reads whatever their number (the subjects, and the bulk APIs of
 * calls, visits and party life). The mapping of each metric to an organisation is in {@code docs/assessment.md}:
 * an organisation's calls and community evaluation are its organ's, its visits its members', its party life its own
 * (commitments with the organisations under it, as the commitments list shows them), its duty items its organ's.
 * A rate with nothing to count is 0 over 0 records, stated as such. Violations are not here: they are entered with
 * the run.
 */
@Service
public class FactsReader {

    /** A subject and what the records say about it. */
    public record Read(Subject subject, String organCode, List<Measure> measures) {
    }

    private record Org(String code, String name, String kind, String organCode, String parentCode) {
    }

    private final JdbcClient jdbc;
    private final CallOutcomes calls;
    private final VisitRecords visits;
    private final PartyLifeRecords partyLife;

    FactsReader(JdbcClient jdbc, CallOutcomes calls, VisitRecords visits, PartyLifeRecords partyLife) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.visits = visits;
        this.partyLife = partyLife;
    }

    public List<Read> read(int year, LocalDate asOf) {
        LocalDate from = LocalDate.of(year, 1, 1);
        Map<String, CallOutcomes.OrganOutcome> byOrgan = new HashMap<>();
        calls.byOrgan(from, asOf).forEach(o -> byOrgan.put(o.organCode(), o));
        Map<String, VisitRecords.Work> organVisits = visits.byOrgan(from, asOf);
        Map<String, VisitRecords.Work> orgVisits = visits.byPartyOrg(from, asOf);
        Map<String, VisitRecords.Evaluated> evaluations = visits.evaluations(from, asOf);
        Map<String, PartyLifeRecords.OrgLife> life = partyLife.organisations(year, asOf);
        Map<String, PartyLifeRecords.Duties> duties = partyLife.duties(year, asOf);
        Links links = new Links(year, from, asOf);

        List<Org> orgs = jdbc.sql("""
                        SELECT p.code, p.name, p.kind, o.code AS organ_code, q.code AS parent_code
                        FROM party_org p LEFT JOIN organ o ON o.id = p.organ_id LEFT JOIN party_org q ON q.id = p.parent_id
                        ORDER BY p.code""")
                .query((rs, n) -> new Org(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
        Set<String> assessed = new HashSet<>(jdbc.sql("""
                SELECT code FROM party_org WHERE kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND dissolved_on IS NULL""")
                .query(String.class).list());
        Map<String, String> organOf = new HashMap<>();
        orgs.forEach(o -> organOf.put(o.code(), o.organCode()));

        // An organ's party life is the sum of its organisations' own records; commitments come rolled up, so only the
        // organ's top organisations (no parent in the same organ) are added for them.
        Map<String, PartyLifeRecords.OrgLife> organLife = new HashMap<>();
        Map<String, long[]> organCommitments = new HashMap<>();
        for (Org o : orgs) {
            if (o.organCode() == null) {
                continue;
            }
            PartyLifeRecords.OrgLife l = life.getOrDefault(o.code(), PartyLifeRecords.OrgLife.none(o.code(), o.organCode()));
            organLife.merge(o.organCode(), l, PartyLifeRecords.OrgLife::plus);
            boolean top = o.parentCode() == null || !o.organCode().equals(organOf.get(o.parentCode()));
            if (top) {
                long[] c = organCommitments.computeIfAbsent(o.organCode(), k -> new long[2]);
                c[0] += l.commitments();
                c[1] += l.fulfilled();
            }
        }

        List<Read> reads = new ArrayList<>();
        jdbc.sql("SELECT code, name FROM organ ORDER BY code").query((rs, n) -> {
            String code = rs.getString(1);
            PartyLifeRecords.OrgLife l = organLife.getOrDefault(code, PartyLifeRecords.OrgLife.none(null, code));
            long[] c = organCommitments.getOrDefault(code, new long[2]);
            List<Measure> m = new ArrayList<>(callMeasures(byOrgan.get(code), code, links));
            m.addAll(visitMeasures(organVisits.getOrDefault(code, VisitRecords.Work.NONE), links.coverage("organ"),
                    "/visits/problems?organ=" + code));
            m.add(evaluation(evaluations.get(code), code));
            m.addAll(lifeMeasures(l, c[0], c[1], links.compliance("organ", code),
                    "/meetings?organ=" + code + "&from=" + from + "&to=" + asOf, "/meetings/decisions?organ=" + code,
                    "/commitments?organ=" + code + "&year=" + year + "&measurable=true",
                    "/reviews?organ=" + code + "&year=" + year + "&state=DECIDED"));
            m.add(duty(duties.get(code), code, year));
            reads.add(new Read(new Subject(Subject.Kind.ORGAN, code, rs.getString(2)), code, m));
            return null;
        }).list();
        for (Org o : orgs) {
            if (!assessed.contains(o.code())) {
                continue;
            }
            String organ = o.organCode();
            PartyLifeRecords.OrgLife l = life.getOrDefault(o.code(), PartyLifeRecords.OrgLife.none(o.code(), organ));
            List<Measure> m = new ArrayList<>(callMeasures(organ == null ? null : byOrgan.get(organ), organ, links));
            m.addAll(visitMeasures(orgVisits.getOrDefault(o.code(), VisitRecords.Work.NONE), links.coverage("party-org"),
                    "/visits/problems?partyOrg=" + o.code()));
            m.add(evaluation(organ == null ? null : evaluations.get(organ), organ));
            m.addAll(lifeMeasures(l, l.commitments(), l.fulfilled(), links.compliance("org", o.code()),
                    "/meetings?org=" + o.code() + "&from=" + from + "&to=" + asOf, "/meetings/decisions?org=" + o.code(),
                    "/commitments?org=" + o.code() + "&year=" + year + "&measurable=true", "/reviews?org=" + o.code() + "&year=" + year + "&state=DECIDED"));
            m.add(duty(organ == null ? null : duties.get(organ), organ, year));
            reads.add(new Read(new Subject(Subject.Kind.ORGANISATION, o.code(), o.name()), organ, m));
        }
        return reads;
    }

    private record Links(int year, LocalDate from, LocalDate to) {

        String calls(String param, String organ, String extra) {
            return "/calls?" + param + "=" + (organ == null ? "" : organ) + "&from=" + from + "&to=" + to + extra;
        }

        String coverage(String by) {
            return "/visits/coverage?by=" + by;
        }

        String compliance(String param, String code) {
            return "/compliance?" + param + "=" + code + "&year=" + year;
        }
    }

    private static List<Measure> callMeasures(CallOutcomes.OrganOutcome o, String organ, Links links) {
        String lead = links.calls("lead", organ, "");
        if (o == null) {
            return List.of(zero(Metric.CALL_SATISFACTION_RATE, lead), zero(Metric.CALL_RESOLUTION_RATE, lead),
                    zero(Metric.CALL_ON_TIME_RATE, lead), zero(Metric.CALL_RESPONSE_RATE, lead),
                    zero(Metric.OVERDUE_CALLS, links.calls("organ", organ, "&overdue=true")));
        }
        return List.of(rate(Metric.CALL_SATISFACTION_RATE, o.satisfactionRate(), o.rated(), lead),
                rate(Metric.CALL_RESOLUTION_RATE, o.resolutionRate(), o.rated(), lead),
                rate(Metric.CALL_ON_TIME_RATE, o.onTimeRate(), o.replied(), lead),
                rate(Metric.CALL_RESPONSE_RATE, o.responseRate(), o.responseBase(), lead),
                count(Metric.OVERDUE_CALLS, o.overdue(), links.calls("organ", organ, "&overdue=true")));
    }

    private static List<Measure> visitMeasures(VisitRecords.Work w, String coverage, String problems) {
        return List.of(ratio(Metric.VISIT_COVERAGE_RATE, w.visited(), w.assigned(), coverage),
                ratio(Metric.VISIT_FOLLOW_UP_RATE, w.followedUp(), w.closed(), problems),
                count(Metric.PROBLEMS_RESOLVED, w.resolved(), problems + "&resolved=true"));
    }

    private static Measure evaluation(VisitRecords.Evaluated e, String organ) {
        String link = "/evaluations/organs/" + (organ == null ? "" : organ);
        if (e == null || e.ratings() == 0) {
            return new Measure(Metric.COMMUNITY_EVALUATION, BigDecimal.ZERO, new Evidence(0, link));
        }
        BigDecimal score = BigDecimal.valueOf(e.satisfied()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(e.ratings()), 2, RoundingMode.HALF_UP);
        return new Measure(Metric.COMMUNITY_EVALUATION, score, new Evidence(e.ratings(), link));
    }

    private static List<Measure> lifeMeasures(PartyLifeRecords.OrgLife l, long commitments, long fulfilled, String compliance,
                                              String meetings, String decisions, String commitmentsLink, String reviews) {
        return List.of(ratio(Metric.MEETING_COMPLIANCE_RATE, l.quorate(), l.due(), compliance),
                ratio(Metric.FIRST_ITEM_STUDY_RATE, l.firstItem(), l.meetings(), meetings),
                count(Metric.MISSED_MEETINGS, l.missing(), compliance),
                ratio(Metric.DECISIONS_DELIVERED_RATE, l.delivered(), l.decisions(), decisions),
                ratio(Metric.COMMITMENTS_FULFILLED_RATE, fulfilled, commitments, commitmentsLink),
                count(Metric.MEMBERS_GRADED_UNQUALIFIED, l.unqualified(), reviews));
    }

    private static Measure duty(PartyLifeRecords.Duties d, String organ, int year) {
        String link = "/responsibilities/items?organ=" + (organ == null ? "" : organ) + "&year=" + year;
        return d == null ? zero(Metric.DUTY_ITEMS_FULFILLED_RATE, link) : ratio(Metric.DUTY_ITEMS_FULFILLED_RATE, d.fulfilled(), d.items(), link);
    }

    private static Measure ratio(Metric metric, long part, long whole, String link) {
        BigDecimal value = whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(Math.min(part, whole)).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        return new Measure(metric, value, new Evidence(whole, link));
    }

    private static Measure rate(Metric metric, Double rate, long base, String link) {
        BigDecimal value = rate == null ? BigDecimal.ZERO : BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        return new Measure(metric, value, new Evidence(base, link));
    }

    private static Measure count(Metric metric, long count, String link) {
        return new Measure(metric, BigDecimal.valueOf(count), new Evidence(count, link));
    }

    private static Measure zero(Metric metric, String link) {
        return new Measure(metric, BigDecimal.ZERO, new Evidence(0, link));
    }
}
