package org.ronghe.visits.service;

import static org.ronghe.visits.service.ServiceEvents.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The lists of check-ins, items and logs, each filtered by the reader's {@link ServiceScope}; the counts
 * and sums behind the figures use the same predicates, so a figure equals the list it links to.
 */
@Service
public class ServiceQueries {

    private static final String CHECK_IN_FROM = " " + """
            FROM service_checkin ci JOIN member m ON m.id = ci.member_id JOIN community c ON c.id = ci.community_id
             LEFT JOIN organ o ON o.id = m.organ_id""";
    private static final String ITEM_FROM = " " + """
            FROM service_item i JOIN community c ON c.id = i.community_id LEFT JOIN member cm ON cm.id = i.claimed_by""";
    private static final String LOG_FROM = " " + """
            FROM service_log l JOIN member m ON m.id = l.member_id JOIN community c ON c.id = l.community_id
             LEFT JOIN organ o ON o.id = m.organ_id LEFT JOIN service_item i ON i.id = l.item_id""";

    private final NamedParameterJdbcTemplate jdbc;

    ServiceQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record CheckInFilter(CheckIn.State state, String community, String organ, String member) {

        public static CheckInFilter none() {
            return new CheckInFilter(null, null, null, null);
        }
    }

    public record ItemFilter(ServiceItem.State state, ServiceItem.Kind kind, String community) {

        public static ItemFilter none() {
            return new ItemFilter(null, null, null);
        }
    }

    public record LogFilter(ServiceLog.State state, String member, String community, String organ, LocalDate from, LocalDate to) {

        public static LogFilter none() {
            return new LogFilter(null, null, null, null, null, null);
        }
    }

    public record CheckInRow(long id, String memberCode, String memberName, String organCode, String organName,
                             String communityCode, String communityName, CheckIn.State state, String stateLabel,
                             Instant reportedAt, String reportedBy, Instant decidedAt, String decidedBy, String reason) {
    }

    /** @param claimant the claimant's code and name, shown only to those who may see the member */
    public record ItemRow(long id, String communityCode, String communityName, ServiceItem.Kind kind, String kindLabel,
                          String title, String description, BigDecimal plannedHours, LocalDate dueOn, ServiceItem.State state,
                          String stateLabel, Instant publishedAt, String claimantCode, String claimantName, boolean claimedByMe,
                          Instant claimedAt, String reason) {
    }

    public record LogRow(long id, String memberCode, String memberName, String organCode, String organName, String communityCode,
                         String communityName, Long itemId, String itemTitle, LocalDate servedOn, BigDecimal hours, String note,
                         ServiceLog.State state, String stateLabel, Instant loggedAt, Instant decidedAt, String decidedBy,
                         String remark) {
    }

    /** A page of logs with the hours of every log the filter matches (not just of this page). */
    public record LogPage(List<LogRow> items, int page, int size, long total, boolean exact, int totalPages, BigDecimal hours) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < totalPages;
        }
    }

    // ---------------------------------------------------------------- check-ins

    public PageResult<CheckInRow> checkIns(ServiceScope scope, CheckInFilter f, PageQuery page) {
        return PageResult.of(checkInRows(checkInWhere(scope, f), page), page, countCheckIns(scope, f));
    }

    /** One check-in as the reader sees it: empty when it is not in their scope. */
    public List<CheckInRow> checkIns(ServiceScope scope, CheckInFilter f, PageQuery page, long id) {
        return checkInRows(checkInWhere(scope, f).and("ci.id = :id", java.util.Map.of("id", id)), page);
    }

    private List<CheckInRow> checkInRows(SqlWhere where, PageQuery page) {
        return jdbc.query("""
                SELECT ci.id, m.code AS member_code, m.name AS member_name, o.code AS organ_code, o.name AS organ_name,
                       c.code AS community_code, c.name AS community_name, ci.state, ci.reported_at, ci.reported_by,
                       ci.decided_at, ci.decided_by, ci.reason""" + " " + CHECK_IN_FROM + where.sql()
                        + " ORDER BY ci.reported_at DESC, ci.id DESC LIMIT :limit OFFSET :offset", where.params(page),
                (rs, n) -> {
                    CheckIn.State state = CheckIn.State.valueOf(rs.getString("state"));
                    return new CheckInRow(rs.getLong("id"), rs.getString("member_code"), rs.getString("member_name"),
                            rs.getString("organ_code"), rs.getString("organ_name"), rs.getString("community_code"),
                            rs.getString("community_name"), state, state.label(), instant(rs, "reported_at"),
                            rs.getString("reported_by"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reason"));
                });
    }

    public long countCheckIns(ServiceScope scope, CheckInFilter f) {
        SqlWhere where = checkInWhere(scope, f);
        Long count = jdbc.queryForObject("SELECT COUNT(*) " + CHECK_IN_FROM + where.sql(), where.params(), Long.class);
        return count == null ? 0 : count;
    }

    private static SqlWhere checkInWhere(ServiceScope scope, CheckInFilter f) {
        return new SqlWhere().and(scope.people("m", "ci.community_id"))
                .eq("ci.state", "state", f.state() == null ? null : f.state().name())
                .eq("c.code", "community", f.community()).eq("o.code", "organ", f.organ()).eq("m.code", "member", f.member());
    }

    // ---------------------------------------------------------------- items

    public PageResult<ItemRow> items(ServiceScope scope, ItemFilter f, PageQuery page) {
        SqlWhere where = itemWhere(scope, f);
        List<ItemRow> rows = itemRows(scope, where, page);
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + ITEM_FROM + where.sql(), where.params(), Long.class);
        return PageResult.of(rows, page, total == null ? 0 : total);
    }

    public List<ItemRow> items(ServiceScope scope, ItemFilter f, PageQuery page, long id) {
        return itemRows(scope, itemWhere(scope, f).and("i.id = :id", java.util.Map.of("id", id)), page);
    }

    private List<ItemRow> itemRows(ServiceScope scope, SqlWhere where, PageQuery page) {
        return jdbc.query("""
                SELECT i.id, c.code AS community_code, c.name AS community_name, i.kind, i.title, i.description, i.planned_hours,
                       i.due_on, i.state, i.published_at, i.claimed_by, i.claimed_at, i.reason, cm.code AS claimant_code,
                       cm.name AS claimant_name, cm.party_org_id AS claimant_party_org, cm.organ_id AS claimant_organ,
                       cm.community_id AS claimant_community""" + " " + ITEM_FROM + where.sql()
                        + " ORDER BY CASE WHEN i.state = 'OPEN' THEN 0 ELSE 1 END, i.published_at DESC, i.id DESC"
                        + " LIMIT :limit OFFSET :offset", where.params(page),
                (rs, n) -> {
                    ServiceItem.Kind kind = ServiceItem.Kind.valueOf(rs.getString("kind"));
                    ServiceItem.State state = ServiceItem.State.valueOf(rs.getString("state"));
                    Long claimant = (Long) rs.getObject("claimed_by", Long.class);
                    boolean shown = claimant != null && scope.seesMember(claimant, (Long) rs.getObject("claimant_party_org", Long.class),
                            (Long) rs.getObject("claimant_organ", Long.class), (Long) rs.getObject("claimant_community", Long.class));
                    java.sql.Date due = rs.getDate("due_on");
                    return new ItemRow(rs.getLong("id"), rs.getString("community_code"), rs.getString("community_name"), kind,
                            kind.label(), rs.getString("title"), rs.getString("description"), rs.getBigDecimal("planned_hours"),
                            due == null ? null : due.toLocalDate(), state, state.label(), instant(rs, "published_at"),
                            shown ? rs.getString("claimant_code") : null, shown ? rs.getString("claimant_name") : null,
                            claimant != null && claimant.equals(scope.self()), instant(rs, "claimed_at"), rs.getString("reason"));
                });
    }

    private static SqlWhere itemWhere(ServiceScope scope, ItemFilter f) {
        return new SqlWhere().and(scope.items("i", "cm"))
                .eq("i.state", "state", f.state() == null ? null : f.state().name())
                .eq("i.kind", "kind", f.kind() == null ? null : f.kind().name()).eq("c.code", "community", f.community());
    }

    // ---------------------------------------------------------------- logs

    public LogPage logs(ServiceScope scope, LogFilter f, PageQuery page) {
        List<LogRow> rows = logRows(logWhere(scope, f), page);
        Totals totals = logTotals(scope, f);
        PageResult<LogRow> result = PageResult.of(rows, page, totals.count());
        return new LogPage(rows, result.page(), result.size(), result.total(), true, result.totalPages(), totals.hours());
    }

    public List<LogRow> logs(ServiceScope scope, LogFilter f, PageQuery page, long id) {
        return logRows(logWhere(scope, f).and("l.id = :id", java.util.Map.of("id", id)), page);
    }

    private List<LogRow> logRows(SqlWhere where, PageQuery page) {
        return jdbc.query("""
                SELECT l.id, m.code AS member_code, m.name AS member_name, o.code AS organ_code, o.name AS organ_name,
                       c.code AS community_code, c.name AS community_name, l.item_id, i.title AS item_title, l.served_on, l.hours,
                       l.note, l.state, l.logged_at, l.decided_at, l.decided_by, l.remark""" + " " + LOG_FROM + where.sql()
                        + " ORDER BY l.served_on DESC, l.id DESC LIMIT :limit OFFSET :offset", where.params(page),
                (rs, n) -> {
                    ServiceLog.State state = ServiceLog.State.valueOf(rs.getString("state"));
                    return new LogRow(rs.getLong("id"), rs.getString("member_code"), rs.getString("member_name"),
                            rs.getString("organ_code"), rs.getString("organ_name"), rs.getString("community_code"),
                            rs.getString("community_name"), (Long) rs.getObject("item_id", Long.class), rs.getString("item_title"),
                            rs.getDate("served_on").toLocalDate(), rs.getBigDecimal("hours"), rs.getString("note"), state,
                            state.label(), instant(rs, "logged_at"), instant(rs, "decided_at"), rs.getString("decided_by"),
                            rs.getString("remark"));
                });
    }

    public record Totals(long count, BigDecimal hours) {
    }

    public Totals logTotals(ServiceScope scope, LogFilter f) {
        SqlWhere where = logWhere(scope, f);
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(l.hours), 0) " + LOG_FROM + where.sql(), where.params(),
                (rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2).setScale(1, java.math.RoundingMode.UNNECESSARY)));
    }

    private static SqlWhere logWhere(ServiceScope scope, LogFilter f) {
        SqlWhere where = new SqlWhere().and(scope.people("m", "l.community_id"))
                .eq("l.state", "state", f.state() == null ? null : f.state().name())
                .eq("m.code", "member", f.member()).eq("c.code", "community", f.community()).eq("o.code", "organ", f.organ());
        if (f.from() != null) {
            where.and("l.served_on >= :from", java.util.Map.of("from", f.from()));
        }
        if (f.to() != null) {
            where.and("l.served_on <= :to", java.util.Map.of("to", f.to()));
        }
        return where;
    }
}
