package org.ronghe.partylife.commitment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.partylife.commitment.Fulfilment.Progress;
import org.ronghe.partylife.commitment.Fulfilment.Subject;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads commitments within a party life scope (those of the members of the organisations the reader sees), each
 * with its fulfilment computed by {@link Fulfilment} for the whole page at once. A filter on fulfilment is applied
 * after computing it for every candidate (the measurable commitments the other filters leave), then paged.
 * Withdrawn commitments are left out of lists and counts; the card shows them.
 */
@Repository
public class CommitmentQueries {

    /** The most rows an export holds. */
    public static final int EXPORT_LIMIT = 50_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Fulfilment fulfilment;

    CommitmentQueries(NamedParameterJdbcTemplate jdbc, Fulfilment fulfilment) {
        this.jdbc = jdbc;
        this.fulfilment = fulfilment;
    }

    /**
     * @param org        a party organisation code: its members' and those of the organisations below it
     * @param organ      an organ code
     * @param member     a member code
     * @param q          part of a member's name or code, or of the commitment's text
     * @param measurable {@code true}: with a target; {@code false}: 不可量化
     * @param fulfilled  {@code true}: fulfilled; {@code false}: measurable and not (yet) fulfilled
     */
    public record Filter(String org, String organ, String member, String q, Integer year, Boolean measurable, Boolean fulfilled) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /** A commitment with its member, organisation and computed progress. */
    public record Row(long id, long cardId, String memberCode, String memberName, String orgCode, String orgName, String organCode,
                      String organName, int year, int position, String text, TargetKind target, String targetLabel, Integer count,
                      Long meetingId, Integer decision, boolean withdrawn, String withdrawnReason, boolean measurable,
                      BigDecimal actual, Integer required, int percent, boolean fulfilled, String progress) {

        public String targetText() {
            if (target == null) {
                return Progress.UNMEASURABLE;
            }
            return target == TargetKind.DECISION_DELIVERED ? targetLabel + "（会议 " + meetingId + " 第 " + decision + " 项）"
                    : targetLabel + " " + count + " " + target.unit();
        }
    }

    private record Raw(long id, long cardId, long memberId, String memberCode, String memberName, String orgCode, String orgName,
                       String organCode, String organName, int year, int position, String text, Commitment.Target target,
                       boolean delivered, boolean withdrawn, String withdrawnReason) {

        Subject subject() {
            return new Subject(id, memberId, year, target, delivered);
        }

        Row row(Progress p) {
            return new Row(id, cardId, memberCode, memberName, orgCode, orgName, organCode, organName, year, position, text,
                    target == null ? null : target.kind(), target == null ? null : target.kind().label(),
                    target == null ? null : target.count(), target == null ? null : target.meetingId(),
                    target == null ? null : target.decision(), withdrawn, withdrawnReason, p.measurable(), p.actual(), p.required(),
                    p.percent(), p.fulfilled(), p.label());
        }
    }

    private static final String FROM = " " + """
             FROM commitment k JOIN commitment_card c ON c.id = k.card_id JOIN member m ON m.id = c.member_id
             JOIN party_org p ON p.id = m.party_org_id LEFT JOIN organ o ON o.id = m.organ_id
             LEFT JOIN meeting_decision d ON d.meeting_id = k.decision_meeting_id AND d.position = k.decision_position""";
    private static final String COLUMNS = """
            SELECT k.id, k.card_id, c.member_id, m.code AS member_code, m.name AS member_name, p.code AS org_code,
                   p.name AS org_name, o.code AS organ_code, o.name AS organ_name, c.card_year, k.position, k.text, k.target_kind,
                   k.target_count, k.decision_meeting_id, k.decision_position, d.delivered, k.withdrawn, k.withdrawn_reason""";
    private static final String ORDER = " ORDER BY c.card_year DESC, p.code, m.code, k.position, k.id";

    public PageResult<Row> list(PartyLifeScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        if (filter.fulfilled() == null) {
            long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
            List<Raw> raws = jdbc.query(COLUMNS + FROM + where.sql() + ORDER + " LIMIT :limit OFFSET :offset", where.params(page),
                    CommitmentQueries::raw);
            return PageResult.of(rows(raws), page, total);
        }
        List<Long> ids = fulfilledIds(where, filter.fulfilled());
        int from = (int) Math.min(ids.size(), page.offset());
        List<Long> shown = ids.subList(from, Math.min(ids.size(), from + page.size()));
        return PageResult.of(byIds(shown), page, ids.size());
    }

    public long count(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        if (filter.fulfilled() == null) {
            return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
        }
        return fulfilledIds(where, filter.fulfilled()).size();
    }

    /** Every row the filter leaves (up to {@link #EXPORT_LIMIT}), for the spreadsheet. */
    public List<Row> all(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        if (filter.fulfilled() != null) {
            List<Long> ids = fulfilledIds(where, filter.fulfilled());
            return byIds(ids.subList(0, Math.min(ids.size(), EXPORT_LIMIT)));
        }
        MapSqlParameterSource params = where.params(new PageQuery(1, 1)).addValue("limit", EXPORT_LIMIT);
        return rows(jdbc.query(COLUMNS + FROM + where.sql() + ORDER + " LIMIT :limit OFFSET :offset", params, CommitmentQueries::raw));
    }

    /** Every commitment of a card, withdrawn ones included, in order; whatever the scope (a card is public). */
    List<Row> ofCard(long cardId) {
        return rows(jdbc.query(COLUMNS + FROM + " WHERE k.card_id = :c ORDER BY k.withdrawn, k.position, k.id", Map.of("c", cardId),
                CommitmentQueries::raw));
    }

    /** Per member: the year's active commitments, measurable ones and fulfilled ones; zeros for a member without any. */
    public Map<Long, Fulfilment.Tally> tally(Collection<Long> memberIds, int year) {
        Map<Long, Fulfilment.Tally> tallies = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(memberIds);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            subjects.addAll(jdbc.query("""
                            SELECT k.id, c.member_id, c.card_year, k.target_kind, k.target_count, k.decision_meeting_id, k.decision_position,
                                   d.delivered FROM commitment k JOIN commitment_card c ON c.id = k.card_id
                            LEFT JOIN meeting_decision d ON d.meeting_id = k.decision_meeting_id AND d.position = k.decision_position
                            WHERE c.member_id IN (:ids) AND c.card_year = :y AND k.withdrawn = FALSE""",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).addValue("y", year),
                    CommitmentQueries::subject));
        }
        Map<Long, Fulfilment.Tally> computed = Fulfilment.tally(subjects, fulfilment.of(subjects));
        ids.forEach(id -> tallies.put(id, computed.getOrDefault(id, Fulfilment.Tally.NONE)));
        return tallies;
    }

    /** The ids, in list order, of the measurable commitments the filter leaves whose fulfilment is {@code fulfilled}. */
    private List<Long> fulfilledIds(SqlWhere where, boolean fulfilled) {
        List<Subject> subjects = jdbc.query("""
                SELECT k.id, c.member_id, c.card_year, k.target_kind, k.target_count, k.decision_meeting_id, k.decision_position,
                       d.delivered""" + FROM + where.sql() + ORDER, where.params(), CommitmentQueries::subject);
        Map<Long, Progress> progress = fulfilment.of(subjects);
        List<Long> ids = new ArrayList<>();
        for (Subject s : subjects) {
            Progress p = progress.get(s.commitmentId());
            if (p.measurable() && p.fulfilled() == fulfilled) {
                ids.add(s.commitmentId());
            }
        }
        return ids;
    }

    private List<Row> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Raw> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.query(COLUMNS + FROM + " WHERE k.id IN (:ids)", Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 1000))),
                    CommitmentQueries::raw).forEach(r -> found.put(r.id(), r));
        }
        return rows(ids.stream().map(found::get).toList());
    }

    /** The rows with their progress, computed for all of them at once. */
    private List<Row> rows(List<Raw> raws) {
        Map<Long, Progress> progress = fulfilment.of(raws.stream().map(Raw::subject).toList());
        return raws.stream().map(r -> r.row(progress.get(r.id()))).toList();
    }

    private SqlWhere where(PartyLifeScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p")).and("k.withdrawn = FALSE");
        if (filter.org() != null && !filter.org().isBlank()) {
            List<Long> tree = jdbc.queryForList("""
                    WITH RECURSIVE tree (id) AS (
                        SELECT id FROM party_org WHERE code = :code
                        UNION ALL
                        SELECT o.id FROM party_org o JOIN tree t ON o.parent_id = t.id)
                    SELECT id FROM tree""", Map.of("code", filter.org().trim()), Long.class);
            where.and(tree.isEmpty() ? SqlWhere.SqlClause.FALSE : new SqlWhere.SqlClause("p.id IN (:f_org)", Map.of("f_org", tree)));
        }
        where.eq("o.code", "f_organ", filter.organ());
        where.eq("m.code", "f_member", filter.member());
        where.contains("f_q", filter.q(), "m.name", "m.code", "k.text");
        if (filter.year() != null) {
            where.and("c.card_year = :f_year", Map.of("f_year", filter.year()));
        }
        if (filter.fulfilled() != null || Boolean.TRUE.equals(filter.measurable())) {
            where.and("k.target_kind IS NOT NULL");
        } else if (Boolean.FALSE.equals(filter.measurable())) {
            where.and("k.target_kind IS NULL");
        }
        return where;
    }

    private static Raw raw(ResultSet rs, int n) throws SQLException {
        return new Raw(rs.getLong("id"), rs.getLong("card_id"), rs.getLong("member_id"), rs.getString("member_code"),
                rs.getString("member_name"), rs.getString("org_code"), rs.getString("org_name"), rs.getString("organ_code"),
                rs.getString("organ_name"), rs.getInt("card_year"), rs.getInt("position"), rs.getString("text"), target(rs),
                rs.getBoolean("delivered"), rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"));
    }

    private static Subject subject(ResultSet rs, int n) throws SQLException {
        return new Subject(rs.getLong("id"), rs.getLong("member_id"), rs.getInt("card_year"), target(rs), rs.getBoolean("delivered"));
    }

    private static Commitment.Target target(ResultSet rs) throws SQLException {
        String kind = rs.getString("target_kind");
        return kind == null ? null : new Commitment.Target(TargetKind.valueOf(kind), (Integer) rs.getObject("target_count", Integer.class),
                (Long) rs.getObject("decision_meeting_id", Long.class), (Integer) rs.getObject("decision_position", Integer.class));
    }
}
