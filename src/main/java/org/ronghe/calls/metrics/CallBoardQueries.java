package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallBoard;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.CallState;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.store.CallTallies;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's call counts, each written with the conditions of the call list it links to ({@link CallQueries}):
 * the scope's predicate, "overdue" as {@link CallQueries#overdue}, an organ's calls through its handler rows, a day's
 * replies through the dispatches' reply times. One grouped query per panel.
 */
@Service
class CallBoardQueries implements CallBoard {

    private final JdbcClient jdbc;
    private final CallScopes scopes;
    private final CallTallies tallies;
    private final Clock clock;

    CallBoardQueries(JdbcClient jdbc, CallScopes scopes, CallTallies tallies, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.tallies = tallies;
        this.clock = clock;
    }

    @Override
    public Today today(CurrentUser user) {
        CallScope scope = scopes.of(user);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        String raisedToday = "/calls?from=" + today + "&to=" + today;
        SqlWhere raised = new SqlWhere().and(scope.sql("c"))
                .and("c.raised_at >= :from AND c.raised_at < :to", Map.of("from", today.atStartOfDay(zone).toOffsetDateTime(),
                        "to", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        Map<CallState, long[]> states = new LinkedHashMap<>();
        jdbc.sql("SELECT c.state, c.urgency, COUNT(*) FROM call c" + raised.sql() + " GROUP BY c.state, c.urgency")
                .paramSource(raised.params())
                .query(rs -> {
                    long[] counts = states.computeIfAbsent(CallState.valueOf(rs.getString(1)), s -> new long[2]);
                    counts[0] += rs.getLong(3);
                    counts[1] += "URGENT".equals(rs.getString(2)) ? rs.getLong(3) : 0;
                });
        List<StateCount> byState = new ArrayList<>();
        long total = 0;
        long urgent = 0;
        for (CallState state : CallState.values()) {
            long[] counts = states.get(state);
            if (counts != null) {
                byState.add(new StateCount(state, state.label(), counts[0], raisedToday + "&state=" + state.name()));
                total += counts[0];
                urgent += counts[1];
            }
        }
        SqlWhere replied = new SqlWhere().and(scope.sql("c")).and(CallQueries.repliedOn("c"), Map.of(
                "replied_from", today.atStartOfDay(zone).toOffsetDateTime(),
                "replied_to", today.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        return new Today(today, new Count(total, raisedToday), byState, new Count(urgent, raisedToday + "&urgency=URGENT"),
                new Count(count(replied), "/calls?repliedOn=" + today), new Count(count(overdue(scope)), "/calls?overdue=true"));
    }

    @Override
    public List<OrganCount> overdueByOrgan(CurrentUser user) {
        CallScope scope = scopes.of(user);
        SqlWhere where = overdue(scope).and("h.call_open");
        if (scope.onlyOneOrgan()) {
            // An organ's secretary sees their own organ's bar: the organs it works with are not theirs to compare.
            where.and("h.organ_id IN (:own_organ)", Map.of("own_organ", scope.organs()));
        }
        return jdbc.sql("SELECT o.code, o.name, COUNT(*) AS n FROM call_handler h"
                        + " JOIN call c ON c.id = h.call_id AND c.raised_at = h.call_raised_at JOIN organ o ON o.id = h.organ_id"
                        + where.sql() + " GROUP BY o.code, o.name ORDER BY n DESC, o.code")
                .paramSource(where.params())
                .query((rs, n) -> new OrganCount(rs.getString(1), rs.getString(2), rs.getLong(3),
                        "/calls?organ=" + rs.getString(1) + "&overdue=true"))
                .list();
    }

    @Override
    public List<CommunityCount> openByCommunity(CurrentUser user) {
        // The states before closing, named: the index of states and raising times answers them, "<> 'CLOSED'" it cannot.
        SqlWhere where = new SqlWhere().and(scopes.of(user).sql("c"))
                .and("c.state IN ('RAISED', 'DISPATCHED', 'RETURNED', 'ACCEPTED', 'REPLIED')");
        return jdbc.sql("SELECT m.id, m.code, COUNT(*) AS n FROM call c JOIN community m ON m.id = c.community_id" + where.sql()
                        + " GROUP BY m.id, m.code ORDER BY m.code")
                .paramSource(where.params())
                .query((rs, n) -> new CommunityCount(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        "/calls?community=" + rs.getString(2) + "&open=true"))
                .list();
    }

    @Override
    public List<Day> raisedPerDay(CurrentUser user, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        SqlWhere where = new SqlWhere().and(scopes.of(user).sql("c"))
                .and("c.raised_at >= :from AND c.raised_at < :to", Map.of("from", from.atStartOfDay(zone).toOffsetDateTime(),
                        "to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        String day = tallies.dayOf("c.raised_at");
        Map<LocalDate, long[]> counted = new LinkedHashMap<>();
        jdbc.sql("SELECT " + day + " AS raised_on, COUNT(*), SUM(CASE WHEN c.state = 'CLOSED' THEN 1 ELSE 0 END) FROM call c"
                        + where.sql() + " GROUP BY " + day)
                .paramSource(where.params())
                .query(rs -> {
                    counted.put(rs.getObject(1, LocalDate.class), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] counts = counted.getOrDefault(d, new long[2]);
            String link = "/calls?from=" + d + "&to=" + d;
            days.add(new Day(d, new Count(counts[0], link), new Count(counts[1], link + "&state=CLOSED"),
                    new Count(counts[0] - counts[1], link + "&open=true")));
        }
        return days;
    }

    private SqlWhere overdue(CallScope scope) {
        return new SqlWhere().and(scope.sql("c")).and(CallQueries.overdue("c"), Map.of("now", OffsetDateTime.now(clock)));
    }

    private long count(SqlWhere where) {
        return jdbc.sql("SELECT COUNT(*) FROM call c" + where.sql()).paramSource(where.params()).query(Long.class).single();
    }
}
