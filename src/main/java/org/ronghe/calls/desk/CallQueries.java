package org.ronghe.calls.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallEvent;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.CallState;
import org.ronghe.calls.HandlerRole;
import org.ronghe.calls.Origin;
import org.ronghe.calls.Rating;
import org.ronghe.calls.Urgency;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lists and timelines of calls, always within the caller's scope, one query per list. */
@Service
public class CallQueries {

    /** The names a list row shows, joined to a page of calls only (never to the rows a count reads). */
    private static final String NAMES = """
            SELECT c.id, c.title, c.state, c.urgency, c.origin, c.category_code, k.name AS category_name,
                   m.code AS community_code, m.name AS community_name, s.code AS street_code, s.name AS street_name,
                   o.code AS organ_code, o.name AS organ_name, c.raised_at, c.accept_by, c.reply_by, c.closed_at,
                   c.rating, c.solved, c.reopens, c.raised_by
            FROM (%s) c
            JOIN category k ON k.code = c.category_code
            JOIN community m ON m.id = c.community_id
            JOIN street s ON s.id = c.street_id
            LEFT JOIN organ o ON o.id = c.lead_organ_id""";

    public static final int COUNT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    CallQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A page of calls, newest first; the total is counted up to {@link #COUNT_CAP} (a city has millions). */
    public PageResult<CallRow> page(CallScope scope, Filter filter, PageQuery page) {
        Selection selection = selection(scope, filter);
        SqlWhere where = selection.where();
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1" + selection.countFrom() + where.sql() + " LIMIT " + (COUNT_CAP + 1) + ") x")
                .paramSource(where.params()).query(Long.class).single();
        List<CallRow> rows = jdbc.sql(NAMES.formatted(selection.newest()) + " ORDER BY c.raised_at DESC, c.id DESC")
                .paramSource(where.params(page)).query(this::row).list();
        return counted > COUNT_CAP ? PageResult.atLeast(rows, page, COUNT_CAP) : PageResult.of(rows, page, counted);
    }

    /** Calls matching a condition that identifies the viewer itself (an inbox), newest deadline first. */
    public List<CallRow> matching(String condition, Map<String, ?> params, int limit) {
        String first = "SELECT c.* FROM call c WHERE " + condition + " ORDER BY COALESCE(c.reply_by, c.raised_at), c.id LIMIT :limit";
        return jdbc.sql(NAMES.formatted(first) + " ORDER BY COALESCE(c.reply_by, c.raised_at), c.id")
                .params(params).param("limit", limit).query(this::row).list();
    }

    public long count(CallScope scope, Filter filter) {
        Selection selection = selection(scope, filter);
        return jdbc.sql("SELECT COUNT(*)" + selection.countFrom() + selection.where().sql())
                .paramSource(selection.where().params()).query(Long.class).single();
    }

    public List<CallEvent> timeline(long callId) {
        return jdbc.sql("SELECT * FROM call_event WHERE call_id = :id ORDER BY id").param("id", callId)
                .query((rs, n) -> new CallEvent(CallEvent.Type.valueOf(rs.getString("type")), instant(rs, "at"),
                        rs.getString("actor"), rs.getString("from_state") == null ? null : CallState.valueOf(rs.getString("from_state")),
                        CallState.valueOf(rs.getString("to_state")), (Long) rs.getObject("organ_id", Long.class), rs.getString("note")))
                .list();
    }

    /** Every dispatch of the call, oldest first, with the organ's name. */
    public List<AssignmentRow> assignments(long callId) {
        return jdbc.sql("""
                        SELECT a.*, o.name AS organ_name FROM call_assignment a JOIN organ o ON o.id = a.organ_id
                        WHERE a.call_id = :id ORDER BY a.id""").param("id", callId)
                .query((rs, n) -> new AssignmentRow(rs.getInt("round"), rs.getString("organ_name"), instant(rs, "dispatched_at"),
                        instant(rs, "accept_by"), instant(rs, "accepted_at"), instant(rs, "reply_by"), instant(rs, "replied_at"),
                        instant(rs, "returned_at"), instant(rs, "rerouted_at"),
                        rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating"))))
                .list();
    }

    public List<HandlerRow> handlers(long callId) {
        return jdbc.sql("""
                        SELECT h.*, o.code, o.name FROM call_handler h JOIN organ o ON o.id = h.organ_id
                        WHERE h.call_id = :id ORDER BY h.since""").param("id", callId)
                .query((rs, n) -> new HandlerRow(rs.getString("code"), rs.getString("name"), HandlerRole.valueOf(rs.getString("role")),
                        rs.getBoolean("active"), instant(rs, "check_in_by"), instant(rs, "checked_in_at"), rs.getBoolean("missed")))
                .list();
    }

    public List<NoticeRow> notices(long callId) {
        return jdbc.sql("""
                        SELECT n.kind, n.at, o.name AS organ_name, d.name AS leader_name FROM call_notice n
                        LEFT JOIN organ o ON o.id = n.organ_id LEFT JOIN leader d ON d.id = n.leader_id
                        WHERE n.call_id = :id ORDER BY n.id""").param("id", callId)
                .query((rs, n) -> new NoticeRow(rs.getString("kind"), instant(rs, "at"),
                        rs.getString("organ_name") != null ? rs.getString("organ_name") : rs.getString("leader_name")))
                .list();
    }

    /**
     * Which rows a list reads and in which order. A list of one organ's calls is driven by that organ's
     * handler (or dispatch) rows, newest first through their index: at city scale an organ has hundreds of
     * thousands of calls, and a join from {@code call} would read them all before the first page. When nothing
     * but the driving rows is filtered, the page is cut from them before any call is read, and the count reads
     * them alone. Names of streets and communities become ids by scalar subqueries, so no count joins a name table.
     */
    Selection selection(CallScope scope, Filter f) {
        SqlWhere where = new SqlWhere();
        Driver driver = null;
        CallScope rest = scope;
        String organ = present(f.organ()) ? f.organ().trim() : null;
        String lead = present(f.lead()) ? f.lead().trim() : null;
        if (scope.onlyOneOrgan()) {
            driver = Driver.HANDLERS;
            where.and("d.organ_id = :scope_org", Map.of("scope_org", scope.organs().iterator().next()));
            rest = CallScope.everything();
        } else if (scope.all() && organ != null) {
            driver = Driver.HANDLERS;
            where.and("d.organ_id = :organ", Map.of("organ", organId(organ)));
            organ = null;
        } else if (scope.all() && lead != null) {
            // The first dispatch of a call to an organ stands for all of them, so each call is read once.
            driver = Driver.DISPATCHES;
            where.and("d.organ_id = :lead AND d.first_to_organ", Map.of("lead", organId(lead)));
            lead = null;
        }
        boolean open = Boolean.TRUE.equals(f.queue()) || Boolean.TRUE.equals(f.open()) || Boolean.TRUE.equals(f.overdue())
                || (f.state() != null && f.state() != CallState.CLOSED);
        if (driver == Driver.HANDLERS && open) {
            where.and("d.call_open");
        } else if (driver == Driver.HANDLERS && f.state() == CallState.CLOSED) {
            where.and("NOT d.call_open");
        }
        String raisedAt = driver == null ? "c.raised_at" : "d.call_raised_at";
        ZoneId zone = clock.getZone();
        if (f.from() != null) {
            where.and(raisedAt + " >= :from", Map.of("from", f.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (f.to() != null) {
            where.and(raisedAt + " < :to", Map.of("to", f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        int driving = where.size();
        where.and(rest.sql("c"))
                .eq("c.state", "state", f.state() == null ? null : f.state().name())
                .eq("c.category_code", "category", f.category())
                .eq("c.origin", "origin", f.origin() == null ? null : f.origin().name())
                .eq("c.rating", "rating", f.rating() == null ? null : f.rating().name())
                .eq("c.solved", "solved", f.solved())
                .contains("q", f.q(), "c.title", "c.description");
        if (present(f.street())) {
            where.and("c.street_id = (SELECT id FROM street WHERE code = :street)", Map.of("street", f.street().trim()));
        }
        if (present(f.community())) {
            where.and("c.community_id = (SELECT id FROM community WHERE code = :community)", Map.of("community", f.community().trim()));
        }
        if (organ != null) {
            where.and("EXISTS (SELECT 1 FROM call_handler fh WHERE fh.call_id = c.id AND fh.call_raised_at = c.raised_at "
                    + "AND fh.organ_id = :organ)", Map.of("organ", organId(organ)));
        }
        if (lead != null) {
            where.and("EXISTS (SELECT 1 FROM call_assignment fa WHERE fa.call_id = c.id AND fa.call_raised_at = c.raised_at "
                    + "AND fa.organ_id = :lead)", Map.of("lead", organId(lead)));
        }
        if (Boolean.TRUE.equals(f.queue())) {
            where.and("c.state IN ('RAISED', 'RETURNED')");
        }
        if (Boolean.TRUE.equals(f.open()) && driver != Driver.HANDLERS) {
            where.and("c.state <> 'CLOSED'");
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.and(overdue("c"), Map.of("now", OffsetDateTime.now(clock)));
        }
        if (f.urgency() != null) {
            where.and("c.urgency = :urgency", Map.of("urgency", f.urgency().name()));
        }
        if (f.repliedOn() != null) {
            where.and(repliedOn("c"), Map.of("replied_from", f.repliedOn().atStartOfDay(zone).toOffsetDateTime(),
                    "replied_to", f.repliedOn().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        boolean callsFiltered = where.size() > driving + (rest.all() ? 1 : 0);
        return new Selection(driver, where, callsFiltered);
    }

    /** An organ's id by its code; an unknown code matches no call. */
    private long organId(String code) {
        return jdbc.sql("SELECT id FROM organ WHERE code = :code").param("code", code).query(Long.class).optional().orElse(-1L);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The rows that drive a list of one organ's calls (alias {@code d}). */
    enum Driver {
        HANDLERS("call_handler"), DISPATCHES("call_assignment");

        final String table;

        Driver(String table) {
            this.table = table;
        }
    }

    /**
     * @param driver        the organ's rows driving the list, or {@code null} for the calls themselves
     * @param callsFiltered whether any condition reads the calls (else page and count need the driving rows only)
     */
    record Selection(Driver driver, SqlWhere where, boolean callsFiltered) {

        /** The rows read, with every condition's columns, starting with {@code " FROM"}. */
        String from() {
            return driver == null ? " FROM call c"
                    : " FROM " + driver.table + " d JOIN call c ON c.id = d.call_id AND c.raised_at = d.call_raised_at";
        }

        String countFrom() {
            return driver != null && !callsFiltered ? " FROM " + driver.table + " d" : from();
        }

        /** The page's calls, newest first ({@code :limit}, {@code :offset}). */
        String newest() {
            if (driver == null) {
                return "SELECT c.*" + from() + where.sql() + " ORDER BY c.raised_at DESC, c.id DESC LIMIT :limit OFFSET :offset";
            }
            String order = " ORDER BY d.call_raised_at DESC, d.call_id DESC LIMIT :limit OFFSET :offset";
            if (callsFiltered) {
                return "SELECT c.*" + from() + where.sql() + order;
            }
            // The page is cut from the organ's own rows first, so that only its calls are read.
            return "SELECT c.* FROM (SELECT d.call_id, d.call_raised_at FROM " + driver.table + " d" + where.sql() + order + ") d"
                    + " JOIN call c ON c.id = d.call_id AND c.raised_at = d.call_raised_at";
        }
    }

    /** The calls an organ takes or took part in, and those of them not closed, counted from its handler rows alone. */
    public Counts organCounts(long organ) {
        return jdbc.sql("SELECT COUNT(*) AS calls, COALESCE(SUM(CASE WHEN call_open THEN 1 ELSE 0 END), 0) AS open_calls"
                        + " FROM call_handler WHERE organ_id = :organ").param("organ", organ)
                .query((rs, n) -> new Counts(rs.getLong("calls"), rs.getLong("open_calls"))).single();
    }

    public record Counts(long calls, long open) {
    }

    /**
     * A call with a dispatch replied between {@code :replied_from} and {@code :replied_to}: read from the dispatches'
     * reply times (index {@code call_assignment_replied}), so a day's replies are found without reading the calls.
     */
    public static String repliedOn(String alias) {
        return alias + ".id IN (SELECT ra.call_id FROM call_assignment ra WHERE ra.replied_at >= :replied_from"
                + " AND ra.replied_at < :replied_to)";
    }

    /** A call is overdue while it waits past its accept limit or its reply deadline. */
    public static String overdue(String alias) {
        // Written as "waiting, and past a limit" so that the index of waiting calls (state and both limits) answers it alone.
        return "(" + alias + ".state IN ('DISPATCHED', 'ACCEPTED') AND (" + alias + ".reply_by < :now OR (" + alias
                + ".state = 'DISPATCHED' AND " + alias + ".accept_by < :now)))";
    }

    private CallRow row(ResultSet rs, int n) throws SQLException {
        Instant now = clock.instant();
        CallState state = CallState.valueOf(rs.getString("state"));
        Instant acceptBy = instant(rs, "accept_by");
        Instant replyBy = instant(rs, "reply_by");
        boolean overdue = (state == CallState.DISPATCHED && acceptBy != null && now.isAfter(acceptBy))
                || ((state == CallState.DISPATCHED || state == CallState.ACCEPTED) && replyBy != null && now.isAfter(replyBy));
        return new CallRow(rs.getLong("id"), rs.getString("title"), state, Urgency.valueOf(rs.getString("urgency")),
                Origin.valueOf(rs.getString("origin")), rs.getString("category_code"), rs.getString("category_name"),
                rs.getString("community_code"), rs.getString("community_name"), rs.getString("street_code"),
                rs.getString("street_name"), rs.getString("organ_code"), rs.getString("organ_name"), instant(rs, "raised_at"),
                acceptBy, replyBy, instant(rs, "closed_at"),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), (Boolean) rs.getObject("solved"),
                rs.getInt("reopens"), overdue, rs.getString("raised_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * @param organ an organ taking or having taken part in the call in any role
     * @param lead  an organ the call was dispatched to (the calls behind an organ's rates)
     * @param queue only calls waiting for the dispatcher
     * @param open  only calls not closed
     * @param urgency   only calls of this urgency
     * @param repliedOn only calls with a dispatch replied on this day (in the platform's zone)
     */
    public record Filter(CallState state, String organ, String lead, String street, String community, String category,
                         Origin origin, Boolean overdue, Boolean queue, Boolean open, String q, LocalDate from, LocalDate to,
                         Rating rating, Boolean solved, Urgency urgency, LocalDate repliedOn) {

        /** The filters before urgency and the day of a reply were added (the dashboard's links set those two). */
        public Filter(CallState state, String organ, String lead, String street, String community, String category,
                      Origin origin, Boolean overdue, Boolean queue, Boolean open, String q, LocalDate from, LocalDate to,
                      Rating rating, Boolean solved) {
            this(state, organ, lead, street, community, category, origin, overdue, queue, open, q, from, to, rating, solved, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Filter withQueue() {
            return new Filter(state, organ, lead, street, community, category, origin, overdue, true, open, q, from, to, rating, solved,
                    urgency, repliedOn);
        }

        public Filter withOverdue() {
            return new Filter(state, organ, lead, street, community, category, origin, true, queue, open, q, from, to, rating, solved,
                    urgency, repliedOn);
        }

        public Filter withOpen() {
            return new Filter(state, organ, lead, street, community, category, origin, overdue, queue, true, q, from, to, rating, solved,
                    urgency, repliedOn);
        }

        public Filter withState(CallState s) {
            return new Filter(s, organ, lead, street, community, category, origin, overdue, queue, open, q, from, to, rating, solved,
                    urgency, repliedOn);
        }

        public Filter withLead(String o) {
            return new Filter(state, organ, o, street, community, category, origin, overdue, queue, open, q, from, to, rating, solved,
                    urgency, repliedOn);
        }
    }

    public record CallRow(long id, String title, CallState state, Urgency urgency, Origin origin, String categoryCode,
                          String categoryName, String communityCode, String communityName, String streetCode,
                          String streetName, String organCode, String organName, Instant raisedAt, Instant acceptBy,
                          Instant replyBy, Instant closedAt, Rating rating, Boolean solved, int reopens, boolean overdue,
                          String raisedBy) {
    }

    public record AssignmentRow(int round, String organName, Instant dispatchedAt, Instant acceptBy, Instant acceptedAt,
                                Instant replyBy, Instant repliedAt, Instant returnedAt, Instant reroutedAt, Rating rating) {
    }

    public record HandlerRow(String organCode, String organName, HandlerRole role, boolean active, Instant checkInBy,
                             Instant checkedInAt, boolean missed) {
    }

    public record NoticeRow(String kind, Instant at, String addressee) {
    }
}
