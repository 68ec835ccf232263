package org.ronghe.calls.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.CallScope;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rates of call handling, computed from the dispatches of calls raised in a period (formulas in
 * {@code docs/rates.md}):
 * <ul>
 * <li>response rate = dispatches accepted within the accept limit ÷ dispatches accepted, or whose accept
 * limit has passed (a dispatch returned or re-routed within its limit is left out);</li>
 * <li>on-time rate = dispatches replied by the deadline ÷ dispatches replied;</li>
 * <li>resolution rate = ratings "solved" ÷ ratings;</li>
 * <li>satisfaction rate = (satisfied + w × basically satisfied) ÷ ratings, w = 0.9 unless set otherwise.</li>
 * </ul>
 * Unrated calls (closed after three working days without a rating) count in no rating-based figure.
 */
@Service
public class CallMetrics {

    static final String WEIGHT_SETTING = "calls.weight.basically-satisfied";
    static final double DEFAULT_WEIGHT = 0.9;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TalliedMetrics tallies;

    CallMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tallies = new TalliedMetrics(jdbc, clock);
    }

    /** The figures per group; read from the tallies where they hold the scope, else counted from the dispatches. */
    public List<MetricRow> by(GroupBy groupBy, CallScope scope, LocalDate from, LocalDate to) {
        return tallied(groupBy, scope) ? tallies.by(groupBy, scope, from, to, weight()) : raw(groupBy, scope, from, to);
    }

    /** The rates over everything in scope, for the figures. */
    public MetricRow total(CallScope scope, LocalDate from, LocalDate to) {
        return tallied(null, scope) ? tallies.total(scope, from, to, weight()) : rawTotal(scope, from, to);
    }

    /** Calls raised and calls open in scope, when the tallies hold the scope (the whole tree, streets or communities). */
    public Optional<CallCounts> callCounts(CallScope scope) {
        boolean onlyStreets = !scope.streets().isEmpty() && scope.communities().isEmpty();
        boolean onlyCommunities = scope.streets().isEmpty() && !scope.communities().isEmpty();
        boolean tallied = scope.all() || (scope.organs().isEmpty() && scope.raisedBy() == null && (onlyStreets || onlyCommunities));
        return tallied ? Optional.of(tallies.callCounts(scope)) : Optional.empty();
    }

    /** The figures per group counted from the dispatches themselves: the reference the tallies must equal. */
    List<MetricRow> raw(GroupBy groupBy, CallScope scope, LocalDate from, LocalDate to) {
        SqlWhere where = period(scope, from, to);
        MapSqlParameterSource params = where.params().addValue("now", OffsetDateTime.now(clock));
        double weight = weight();
        return jdbc.sql("SELECT " + groupBy.key + " AS code, " + groupBy.name + " AS name, " + COUNTS
                        + " FROM call_assignment a JOIN call c ON c.id = a.call_id AND c.raised_at = a.call_raised_at " + groupBy.join
                        + where.sql() + " GROUP BY " + groupBy.key + ", " + groupBy.name + " ORDER BY " + groupBy.key)
                .paramSource(params)
                .query((rs, n) -> new MetricRow(rs.getString("code"), rs.getString("name"), counts(rs), weight))
                .list();
    }

    MetricRow rawTotal(CallScope scope, LocalDate from, LocalDate to) {
        SqlWhere where = period(scope, from, to);
        MapSqlParameterSource params = where.params().addValue("now", OffsetDateTime.now(clock));
        return jdbc.sql("SELECT " + COUNTS + " FROM call_assignment a JOIN call c ON c.id = a.call_id AND c.raised_at = a.call_raised_at"
                        + where.sql())
                .paramSource(params)
                .query((rs, n) -> new MetricRow(null, null, counts(rs), weight())).single();
    }

    public double weight() {
        return jdbc.sql("SELECT setting_value FROM platform_setting WHERE name = :n").param("n", WEIGHT_SETTING)
                .query(String.class).optional().map(Double::parseDouble).orElse(DEFAULT_WEIGHT);
    }

    /**
     * The tallies hold the whole tree, a set of streets, or one organ (its own dispatches); a community, a
     * member or an organ's figures by community are small enough to count directly.
     */
    static boolean tallied(GroupBy groupBy, CallScope scope) {
        if (scope.all()) {
            return true;
        }
        boolean onlyStreets = !scope.streets().isEmpty() && scope.organs().isEmpty() && scope.communities().isEmpty()
                && scope.raisedBy() == null;
        boolean oneOrgan = scope.organs().size() == 1 && scope.streets().isEmpty() && scope.communities().isEmpty()
                && scope.raisedBy() == null;
        return onlyStreets || (oneOrgan && groupBy != GroupBy.COMMUNITY);
    }

    private SqlWhere period(CallScope scope, LocalDate from, LocalDate to) {
        return dispatches(scope, from, to, clock.getZone());
    }

    /** Whether the dispatches of the scope are found without their calls (the whole tree, or organs by their own dispatches). */
    static boolean withoutCalls(CallScope scope) {
        return scope.all() || (!scope.organs().isEmpty() && scope.streets().isEmpty() && scope.communities().isEmpty()
                && scope.raisedBy() == null);
    }

    /** An organ's figures count its own dispatches; other scopes count every dispatch of the calls they see. */
    static SqlWhere dispatches(CallScope scope, LocalDate from, LocalDate to, ZoneId zone) {
        SqlWhere where = new SqlWhere();
        if (!scope.all()) {
            where.and(withoutCalls(scope) ? new SqlWhere.SqlClause("a.organ_id IN (:scope_org)", Map.of("scope_org", scope.organs()))
                    : scope.sql("c"));
        }
        // The dispatch's own copy of its call's month: a count that needs nothing else of the call can skip the join.
        if (from != null) {
            where.and("a.call_raised_at >= :from", Map.of("from", from.atStartOfDay(zone).toOffsetDateTime()));
        }
        if (to != null) {
            where.and("a.call_raised_at < :to", Map.of("to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        return where;
    }

    private static final String COUNTS = """
            COUNT(DISTINCT c.id) AS calls,
            COUNT(*) AS dispatches,
            SUM(CASE WHEN a.accepted_at IS NOT NULL AND a.accepted_at <= a.accept_by THEN 1 ELSE 0 END) AS accepted_in_time,
            SUM(CASE WHEN a.accepted_at IS NOT NULL THEN 1
                     WHEN a.accept_by < :now AND NOT ((a.returned_at IS NOT NULL AND a.returned_at <= a.accept_by)
                                                  OR (a.rerouted_at IS NOT NULL AND a.rerouted_at <= a.accept_by)) THEN 1
                     ELSE 0 END) AS response_base,
            SUM(CASE WHEN a.replied_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
            SUM(CASE WHEN a.replied_at IS NOT NULL AND a.replied_at <= a.reply_by THEN 1 ELSE 0 END) AS replied_in_time,
            SUM(CASE WHEN a.rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
            SUM(CASE WHEN a.solved THEN 1 ELSE 0 END) AS solved,
            SUM(CASE WHEN a.rating = 'SATISFIED' THEN 1 ELSE 0 END) AS satisfied,
            SUM(CASE WHEN a.rating = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS basically""";

    static Counts counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Counts(rs.getLong("calls"), rs.getLong("dispatches"), rs.getLong("accepted_in_time"), rs.getLong("response_base"),
                rs.getLong("replied"), rs.getLong("replied_in_time"), rs.getLong("rated"), rs.getLong("solved"),
                rs.getLong("satisfied"), rs.getLong("basically"));
    }

    public enum GroupBy {
        ORGAN("o.code", "o.name", "JOIN organ o ON o.id = a.organ_id", "a.organ_id"),
        STREET("s.code", "s.name", "JOIN street s ON s.id = c.street_id", "c.street_id"),
        COMMUNITY("m.code", "m.name", "JOIN community m ON m.id = c.community_id", "c.community_id"),
        CATEGORY("k.code", "k.name", "JOIN category k ON k.code = c.category_code", "c.category_code");

        final String key;
        final String name;
        final String join;
        /** The group's own column in the dispatch or call (the same value as the tallies' key column). */
        final String id;

        GroupBy(String key, String name, String join, String id) {
            this.key = key;
            this.name = name;
            this.join = join;
            this.id = id;
        }
    }

    public record CallCounts(long raised, long open) {
    }

    public record Counts(long calls, long dispatches, long acceptedInTime, long responseBase, long replied, long repliedInTime,
                         long rated, long solved, long satisfied, long basically) {
    }

    /** One group's counts and the rates computed from them; a rate with nothing to count is {@code null}. */
    public record MetricRow(String code, String name, Counts counts, Double responseRate, Double onTimeRate,
                            Double resolutionRate, Double satisfactionRate) {

        public MetricRow(String code, String name, Counts c, double weight) {
            this(code, name, c, ratio(c.acceptedInTime(), c.responseBase()), ratio(c.repliedInTime(), c.replied()),
                    ratio(c.solved(), c.rated()), ratio(c.satisfied() + weight * c.basically(), c.rated()));
        }

        static Double ratio(double part, long whole) {
            return whole == 0 ? null : Math.round(part / whole * 10_000) / 10_000.0;
        }
    }
}
