package org.ronghe.insight.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.assessment.AssessmentResults;
import org.ronghe.assessment.Subject;
import org.ronghe.calls.CallBoard;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.partylife.MeetingBoard;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.ronghe.visits.VisitBoard;
import org.springframework.stereotype.Service;

/**
 * The command dashboard's panels, each read from the module that owns the records through its board API, within the
 * reader's scope; every item carries the link to the list of the records it counts. Nothing is stored.
 */
@Service
class Dashboard {

    /** How many organs the overdue chart shows at most (the busiest); the list behind each bar is complete. */
    static final int TOP_ORGANS = 15;
    static final int TREND_DAYS = 30;

    private final CallBoard calls;
    private final VisitBoard visits;
    private final MeetingBoard meetings;
    private final Directory directory;
    private final DataScopes scopes;
    private final AssessmentResults results;
    private final Clock clock;

    Dashboard(CallBoard calls, VisitBoard visits, MeetingBoard meetings, Directory directory, DataScopes scopes,
              AssessmentResults results, Clock clock) {
        this.calls = calls;
        this.visits = visits;
        this.meetings = meetings;
        this.directory = directory;
        this.scopes = scopes;
        this.results = results;
        this.clock = clock;
    }

    CallBoard.Today today(CurrentUser user) {
        return calls.today(user);
    }

    OverdueByOrgan overdueByOrgan(CurrentUser user, Integer limit) {
        int top = limit == null ? TOP_ORGANS : limit;
        if (top < 1 || top > 100) {
            throw new IllegalArgumentException("limit 应在 1 到 100 之间：" + limit);
        }
        List<CallBoard.OrganCount> organs = calls.overdueByOrgan(user);
        return new OverdueByOrgan(organs.size(), organs.subList(0, Math.min(top, organs.size())));
    }

    /** Every community the reader sees that has a place, with the measure's value (0 when nothing is counted there). */
    Communities communities(CurrentUser user, String measure) {
        Measure chosen = Measure.of(measure);
        Map<Long, Point> values = new HashMap<>();
        if (chosen == Measure.OPEN_CALLS) {
            calls.openByCommunity(user).forEach(c -> values.put(c.communityId(), new Point(c.count(), c.count(), c.link())));
        } else {
            visits.coverageByCommunity(user).forEach(c -> values.put(c.communityId(), new Point(
                    c.coverage() == null ? null : Math.round(c.coverage() * 1000) / 10.0, c.visited(), c.link())));
        }
        DataScope scope = scopes.of(user);
        List<Community> shown = directory.placedCommunities(scope).stream()
                .map(p -> {
                    Point v = values.get(p.id());
                    String link = v != null ? v.link() : chosen == Measure.OPEN_CALLS ? "/calls?community=" + p.code() + "&open=true"
                            : "/visits/households?community=" + p.code();
                    Number value = v != null ? v.value() : chosen == Measure.OPEN_CALLS ? Long.valueOf(0) : null;
                    return new Community(p.code(), p.name(), p.streetName(), p.latitude(), p.longitude(), value,
                            v == null ? 0 : v.count(), link);
                })
                .toList();
        return new Communities(chosen.param, shown);
    }

    /**
     * The organs' ranking of the year's assessment. The committee, the administrators and the district leaders see
     * every organ; anyone else the organs of their own scope (an organ's secretary their organ's place).
     */
    Rankings rankings(CurrentUser user, Integer year) {
        int assessed = year == null ? LocalDate.now(clock).getYear() : year;
        if (assessed < 2000 || assessed > 2100) {
            throw new IllegalArgumentException("年份应在 2000 到 2100 之间：" + year);
        }
        Optional<AssessmentResults.Ranking> ranking = results.of(assessed, Subject.Kind.ORGAN);
        if (ranking.isEmpty()) {
            return new Rankings(assessed, false, null, null, false, List.of());
        }
        DataScope scope = scopes.of(user);
        boolean everyOrgan = user.role().seesWholeTree() || user.role() == Role.LEADER || scope.all();
        Map<String, Long> organIds = new HashMap<>();
        if (!everyOrgan) {
            directory.organs().forEach(o -> organIds.put(o.code(), o.id()));
        }
        AssessmentResults.Ranking run = ranking.get();
        List<Ranked> ranked = run.results().stream()
                .filter(r -> everyOrgan || (organIds.containsKey(r.subject().code()) && scope.seesOrgan(organIds.get(r.subject().code()))))
                .map(r -> new Ranked(r.rank(), r.subject().code(), r.subject().name(), r.total(), r.grade().name(), r.grade().label(),
                        r.vetoed(), r.link()))
                .toList();
        return new Rankings(assessed, true, run.runId(), run.asOf(), run.published(), ranked);
    }

    Trends trends(CurrentUser user, Integer days, Integer year) {
        int span = days == null ? TREND_DAYS : days;
        if (span < 1 || span > 366) {
            throw new IllegalArgumentException("days 应在 1 到 366 之间：" + days);
        }
        LocalDate today = LocalDate.now(clock);
        int ofYear = year == null ? today.getYear() : year;
        if (ofYear < 2000 || ofYear > 2100) {
            throw new IllegalArgumentException("年份应在 2000 到 2100 之间：" + year);
        }
        return new Trends(ofYear, calls.raisedPerDay(user, today.minusDays(span - 1L), today), visits.visitsPerMonth(user, ofYear),
                meetings.meetingsPerMonth(user, ofYear));
    }

    enum Measure {
        OPEN_CALLS("openCalls"), VISIT_COVERAGE("visitCoverage");

        final String param;

        Measure(String param) {
            this.param = param;
        }

        static Measure of(String text) {
            if (text == null || text.isBlank()) {
                return OPEN_CALLS;
            }
            for (Measure m : values()) {
                if (m.param.equals(text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("measure 应为 openCalls 或 visitCoverage：" + text);
        }
    }

    private record Point(Number value, long count, String link) {
    }

    /** @param organs the organs with overdue calls (all of them) */
    record OverdueByOrgan(int organs, List<CallBoard.OrganCount> items) {
    }

    /**
     * @param value open calls, or the share of households visited in percent ({@code null}: no households recorded)
     * @param count the records behind the value: open calls, or households visited
     */
    record Community(String code, String name, String street, double latitude, double longitude, Number value, long count,
                     String link) {
    }

    record Communities(String measure, List<Community> items) {
    }

    /** @param available whether the year has an assessment run at all (else the panel says 尚无考核结果) */
    record Rankings(int year, boolean available, Long runId, LocalDate asOf, boolean published, List<Ranked> items) {
    }

    record Ranked(int rank, String organCode, String organName, java.math.BigDecimal total, String grade, String gradeLabel,
                  boolean vetoed, String link) {
    }

    record Trends(int year, List<CallBoard.Day> calls, List<VisitBoard.MonthCount> visits, List<MeetingBoard.MonthCount> meetings) {
    }
}
