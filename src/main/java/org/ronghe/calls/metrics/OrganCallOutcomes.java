package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.calls.CallOutcomes;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.desk.CallQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An organ's call outcomes per community: the counts from its handler rows (index
 * {@code (organ_id, call_raised_at, call_id)}), each joined to its call by id and month; the rates from its
 * own dispatches exactly as {@link CallMetrics} counts them (an organ's figures by community are counted
 * from the dispatches, not the tallies).
 */
@Service
class OrganCallOutcomes implements CallOutcomes {

    private final JdbcClient jdbc;
    private final CallMetrics metrics;
    private final Clock clock;

    OrganCallOutcomes(JdbcClient jdbc, CallMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<Outcome> byCommunity(long organId, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            return List.of();
        }
        record Handled(long communityId, String code, long calls, long replied, long overdue) {
        }
        Map<String, Handled> handled = new LinkedHashMap<>();
        jdbc.sql("SELECT m.id, m.code, COUNT(*) AS calls,"
                        + " SUM(CASE WHEN c.state IN ('REPLIED', 'CLOSED') THEN 1 ELSE 0 END) AS replied,"
                        + " SUM(CASE WHEN " + CallQueries.overdue("c") + " THEN 1 ELSE 0 END) AS overdue"
                        + " FROM call_handler h JOIN call c ON c.id = h.call_id AND c.raised_at = h.call_raised_at"
                        + " JOIN community m ON m.id = c.community_id"
                        + " WHERE h.organ_id = :organ AND h.call_raised_at >= :from AND h.call_raised_at < :to"
                        + " GROUP BY m.id, m.code ORDER BY m.code")
                .param("organ", organId)
                .param("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> handled.put(rs.getString("code"), new Handled(rs.getLong("id"), rs.getString("code"),
                        rs.getLong("calls"), rs.getLong("replied"), rs.getLong("overdue"))))
                .list();
        Map<String, CallMetrics.MetricRow> rates = new LinkedHashMap<>();
        metrics.raw(CallMetrics.GroupBy.COMMUNITY, new CallScope(false, Set.of(organId), Set.of(), Set.of(), null), from, to)
                .forEach(row -> rates.put(row.code(), row));
        List<Outcome> outcomes = new ArrayList<>();
        handled.values().forEach(h -> {
            CallMetrics.MetricRow r = rates.get(h.code());
            outcomes.add(new Outcome(h.communityId(), h.code(), h.calls(), h.replied(), h.overdue(),
                    r == null ? 0 : r.counts().rated(), r == null ? null : r.satisfactionRate(),
                    r == null ? null : r.resolutionRate()));
        });
        return outcomes;
    }

    @Override
    public List<OrganOutcome> byOrgan(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            return List.of();
        }
        Map<String, Long> overdue = new LinkedHashMap<>();
        jdbc.sql("SELECT o.code, COUNT(*) AS overdue"
                        + " FROM call_handler h JOIN call c ON c.id = h.call_id AND c.raised_at = h.call_raised_at"
                        + " JOIN organ o ON o.id = h.organ_id"
                        + " WHERE h.call_raised_at >= :from AND h.call_raised_at < :to AND " + CallQueries.overdue("c")
                        + " GROUP BY o.code")
                .param("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> overdue.put(rs.getString("code"), rs.getLong("overdue")))
                .list();
        List<OrganOutcome> outcomes = new ArrayList<>();
        for (CallMetrics.MetricRow r : metrics.by(CallMetrics.GroupBy.ORGAN, CallScope.everything(), from, to)) {
            CallMetrics.Counts c = r.counts();
            outcomes.add(new OrganOutcome(r.code(), c.calls(), c.dispatches(), c.responseBase(), c.replied(), c.rated(),
                    overdue.getOrDefault(r.code(), 0L), r.responseRate(), r.onTimeRate(), r.resolutionRate(), r.satisfactionRate()));
        }
        overdue.forEach((code, count) -> {
            if (outcomes.stream().noneMatch(o -> o.organCode().equals(code))) {
                outcomes.add(new OrganOutcome(code, 0, 0, 0, 0, 0, count, null, null, null, null));
            }
        });
        return outcomes;
    }
}
