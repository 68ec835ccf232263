package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallScope;
import org.ronghe.calls.metrics.CallMetrics.Counts;
import org.ronghe.calls.store.CallTallies;
import org.ronghe.calls.metrics.CallMetrics.GroupBy;
import org.ronghe.calls.metrics.CallMetrics.MetricRow;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call figures read from {@code call_tally} (with the differences not yet folded, see {@link CallTallies}): whole months from the month rows, the days at either end
 * of a period from the day rows. Only one figure depends on the moment of reading: a dispatch whose accept
 * limit has not yet passed is not yet in the response rate's base, so those few are counted live.
 */
final class TalliedMetrics {

    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 1);

    private final JdbcClient jdbc;
    private final Clock clock;

    TalliedMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<MetricRow> by(GroupBy groupBy, CallScope scope, LocalDate from, LocalDate to, double weight) {
        Grouping g = Grouping.of(groupBy, organScoped(scope));
        SqlWhere where = where(g.dim, scope, from, to);
        Map<String, Long> pending = pending(groupBy, scope, from, to);
        return jdbc.sql("SELECT " + g.key + " AS code, " + g.name + " AS name, " + g.id + " AS k, "
                        + sums(groupBy == GroupBy.ORGAN || organScoped(scope))
                        + " FROM " + CallTallies.ROWS + " t " + g.join + where.sql() + " GROUP BY " + g.key + ", " + g.name + ", " + g.id
                        + " HAVING SUM(t.dispatches) > 0 ORDER BY " + g.key)
                .paramSource(where.params())
                .query((rs, n) -> new MetricRow(rs.getString("code"), rs.getString("name"),
                        counts(rs, pending.getOrDefault(rs.getString("k"), 0L)), weight))
                .list();
    }

    MetricRow total(CallScope scope, LocalDate from, LocalDate to, double weight) {
        SqlWhere where = where(organScoped(scope) ? 'O' : 'C', scope, from, to);
        long pending = pending(null, scope, from, to).getOrDefault("", 0L);
        return jdbc.sql("SELECT " + sums(organScoped(scope)) + " FROM " + CallTallies.ROWS + " t" + where.sql())
                .paramSource(where.params())
                .query((rs, n) -> new MetricRow(null, null, counts(rs, pending), weight)).single();
    }

    /** Calls raised and calls not closed, over all time, for the whole tree, streets or communities. */
    CallMetrics.CallCounts callCounts(CallScope scope) {
        SqlWhere where = new SqlWhere().and("t.dim = 'C' AND t.grain = 'M'");
        if (!scope.all()) {
            where.and(scope.streets().isEmpty() ? "t.community_id IN (:ids)" : "t.street_id IN (:ids)",
                    Map.of("ids", scope.streets().isEmpty() ? scope.communities() : scope.streets()));
        }
        return jdbc.sql("SELECT COALESCE(SUM(t.raised), 0) AS raised, COALESCE(SUM(t.open_calls), 0) AS open_calls FROM "
                        + CallTallies.ROWS + " t"
                        + where.sql()).paramSource(where.params())
                .query((rs, n) -> new CallMetrics.CallCounts(rs.getLong("raised"), rs.getLong("open_calls"))).single();
    }

    private static boolean organScoped(CallScope scope) {
        return !scope.all() && !scope.organs().isEmpty();
    }

    private SqlWhere where(char dim, CallScope scope, LocalDate from, LocalDate to) {
        SqlWhere where = new SqlWhere().and("t.dim = :dim", Map.of("dim", String.valueOf(dim)));
        if (!scope.all()) {
            if (!scope.organs().isEmpty()) {
                where.and("t.organ_id IN (:scope_org)", Map.of("scope_org", scope.organs()));
            } else {
                where.and("t.street_id IN (:scope_street)", Map.of("scope_street", scope.streets()));
            }
        }
        List<String> ranges = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (Range r : ranges(from, to)) {
            String n = "p" + ranges.size();
            ranges.add("(t.grain = '" + r.grain + "' AND t.period >= :" + n + "a AND t.period <= :" + n + "b)");
            params.put(n + "a", r.first);
            params.put(n + "b", r.last);
        }
        return ranges.isEmpty() ? where.and("1 = 0") : where.and("(" + String.join(" OR ", ranges) + ")", params);
    }

    /** Whole months as month rows, the days before the first and after the last whole month as day rows. */
    static List<Range> ranges(LocalDate from, LocalDate to) {
        LocalDate first = from == null ? EARLIEST : from;
        LocalDate last = to == null ? LATEST.withDayOfMonth(LATEST.lengthOfMonth()) : to;
        List<Range> ranges = new ArrayList<>();
        if (first.isAfter(last)) {
            return ranges;
        }
        YearMonth firstWhole = first.getDayOfMonth() == 1 ? YearMonth.from(first) : YearMonth.from(first).plusMonths(1);
        YearMonth lastWhole = last.getDayOfMonth() == last.lengthOfMonth() ? YearMonth.from(last) : YearMonth.from(last).minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            ranges.add(new Range('D', first, last));
            return ranges;
        }
        if (first.getDayOfMonth() != 1) {
            ranges.add(new Range('D', first, first.withDayOfMonth(first.lengthOfMonth())));
        }
        ranges.add(new Range('M', firstWhole.atDay(1), lastWhole.atDay(1)));
        if (last.getDayOfMonth() != last.lengthOfMonth()) {
            ranges.add(new Range('D', last.withDayOfMonth(1), last));
        }
        return ranges;
    }

    /** Dispatches neither accepted nor handed back whose accept limit is still ahead, by group ("" for the total). */
    private Map<String, Long> pending(GroupBy groupBy, CallScope scope, LocalDate from, LocalDate to) {
        SqlWhere where = CallMetrics.dispatches(scope, from, to, clock.getZone())
                .and("a.accepted_at IS NULL AND a.accept_by >= :now", Map.of("now", OffsetDateTime.now(clock)))
                .and("NOT ((a.returned_at IS NOT NULL AND a.returned_at <= a.accept_by) "
                        + "OR (a.rerouted_at IS NOT NULL AND a.rerouted_at <= a.accept_by))");
        Map<String, Long> pending = new HashMap<>();
        // Most counts need nothing of the calls themselves: the dispatches then answer from their own index alone.
        boolean calls = !CallMetrics.withoutCalls(scope) || (groupBy != null && groupBy != GroupBy.ORGAN);
        // Grouped by the group's own column, never joined to the names: the planner cannot tell how many dispatches
        // are pending and joined 72,000 of them to 2,800 communities row by row (23 s at city scale).
        jdbc.sql("SELECT " + (groupBy == null ? "''" : groupBy.id) + " AS code, COUNT(*) AS n FROM call_assignment a "
                        + (calls ? "JOIN call c ON c.id = a.call_id AND c.raised_at = a.call_raised_at " : "")
                        + where.sql() + (groupBy == null ? "" : " GROUP BY " + groupBy.id))
                .paramSource(where.params())
                .query((rs, n) -> pending.put(rs.getString("code"), rs.getLong("n"))).list();
        return pending;
    }

    private static String sums(boolean byOrgan) {
        return (byOrgan ? "SUM(t.organ_calls)" : "SUM(t.calls)") + """
                 AS calls, SUM(t.dispatches) AS dispatches, SUM(t.accepted) AS accepted,
                SUM(t.accepted_in_time) AS accepted_in_time, SUM(t.unaccepted_counted) AS unaccepted_counted,
                SUM(t.replied) AS replied, SUM(t.replied_in_time) AS replied_in_time, SUM(t.rated) AS rated,
                SUM(t.solved) AS solved, SUM(t.satisfied) AS satisfied, SUM(t.basically) AS basically""";
    }

    private static Counts counts(java.sql.ResultSet rs, long pending) throws java.sql.SQLException {
        return new Counts(rs.getLong("calls"), rs.getLong("dispatches"), rs.getLong("accepted_in_time"),
                rs.getLong("accepted") + rs.getLong("unaccepted_counted") - pending, rs.getLong("replied"),
                rs.getLong("replied_in_time"), rs.getLong("rated"), rs.getLong("solved"), rs.getLong("satisfied"),
                rs.getLong("basically"));
    }

    record Range(char grain, LocalDate first, LocalDate last) {
    }

    /** How a grouping reads the tallies: which rows, which key, which names. */
    private record Grouping(char dim, String key, String name, String join, String id) {

        static Grouping of(GroupBy groupBy, boolean organScoped) {
            return switch (groupBy) {
                case ORGAN -> new Grouping('O', "o.code", "o.name", "JOIN organ o ON o.id = t.organ_id", "t.organ_id");
                case CATEGORY -> new Grouping('O', "k.code", "k.name", "JOIN category k ON k.code = t.category_code", "t.category_code");
                case STREET -> new Grouping(organScoped ? 'O' : 'C', "s.code", "s.name", "JOIN street s ON s.id = t.street_id", "t.street_id");
                case COMMUNITY -> new Grouping('C', "m.code", "m.name", "JOIN community m ON m.id = t.community_id", "t.community_id");
            };
        }
    }
}
