package org.ronghe.partylife.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores reviews with their participants, votes and events, and reads them back within a scope; also the results a
 * ledger prints ({@link #results}). Ballots add to counts and are never kept one by one. Nothing is deleted.
 */
@Repository
public class Reviews {

    private final NamedParameterJdbcTemplate jdbc;
    private final MemberRecords records;

    Reviews(NamedParameterJdbcTemplate jdbc, MemberRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    // ---------------------------------------------------------------- views

    /** One review in a list. {@code graded}: members with a grade; {@code excellent}: of them 优秀. */
    public record Row(long id, String orgCode, String orgName, int year, ReviewState state, String stateLabel, int participants,
                      int fullMembers, int onlineBallots, int paperBallots, int graded, int excellent, Long meetingId,
                      Instant openedAt, String openedBy, Instant decidedAt, String decidedBy) {

        public int ballots() {
            return onlineBallots + paperBallots;
        }
    }

    /**
     * A participant as the review page shows them: the tally is the sum of the ballots and the paper count, never who
     * voted what; {@code voted} says only that they cast a ballot online. Probationary members have no tally, proposal,
     * grade or record.
     */
    public record Participant(String code, String name, boolean full, boolean voted, String selfReview, Instant selfReviewedAt,
                              Tally tally, Grade proposed, String proposedLabel, Grade grade, String gradeLabel, MemberRecord record) {
    }

    public record PeerReview(String reviewerCode, String reviewerName, String aboutCode, String aboutName, String text, Instant writtenAt) {
    }

    /** A review in full. {@code excellentCap}: how many may be graded 优秀. */
    public record Detail(Row review, int excellentCap, List<Participant> participants, List<PeerReview> peerReviews,
                         List<Review.Event> events) {

        /**
         * The review without tallies and proposals: what a member sees until the decision, so nobody can tell a
         * ballot's choices by comparing the counts before and after it.
         */
        public Detail withoutTallies() {
            return new Detail(review, excellentCap, participants.stream().map(p -> new Participant(p.code(), p.name(), p.full(),
                    p.voted(), p.selfReview(), p.selfReviewedAt(), null, null, null, p.grade(), p.gradeLabel(), p.record())).toList(),
                    peerReviews, events);
        }
    }

    /** A member's grade in a decided review: {@code grade} is {@code null} for a probationary member (not graded). */
    public record Result(long memberId, String code, String name, boolean full, Grade grade, String gradeLabel) {
    }

    /**
     * @param org   a party organisation code
     * @param q     words in the organisation's code or name
     * @param state {@code null}: every state
     * @param organ an organ code: the reviews of its party organisations
     */
    public record Filter(String org, Integer year, ReviewState state, String q, String organ) {

        public Filter(String org, Integer year, ReviewState state, String q) {
            this(org, year, state, q, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** The review and where it belongs, whatever the scope: the caller checks it. */
    public record Owner(long id, long partyOrgId, Long organId, Long communityId) {
    }

    // ---------------------------------------------------------------- reading

    private static final String FROM = " FROM review r JOIN party_org p ON p.id = r.party_org_id";
    private static final String COLUMNS = """
            SELECT r.id, p.code AS org_code, p.name AS org_name, r.review_year, r.state, r.participants, r.full_members,
                   r.online_ballots, r.paper_ballots, r.meeting_id, r.opened_at, r.opened_by, r.decided_at, r.decided_by,
                   (SELECT COUNT(*) FROM review_participant x WHERE x.review_id = r.id AND x.grade IS NOT NULL) AS graded,
                   (SELECT COUNT(*) FROM review_participant x WHERE x.review_id = r.id AND x.grade = 'EXCELLENT') AS excellent""";

    public PageResult<Row> list(PartyLifeScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
        List<Row> rows = jdbc.query(COLUMNS + FROM + where.sql() + " ORDER BY r.review_year DESC, p.code, r.id LIMIT :limit OFFSET :offset",
                where.params(page), Reviews::row);
        return PageResult.of(rows, page, total);
    }

    public long count(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
    }

    /** Members given a grade in the reviews of the list. */
    public long graded(PartyLifeScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        return jdbc.queryForObject("SELECT COUNT(*) FROM review_participant x JOIN review r ON r.id = x.review_id "
                + "JOIN party_org p ON p.id = r.party_org_id" + where.sql() + (where.size() == 0 ? " WHERE" : " AND")
                + " x.grade IS NOT NULL", where.params(), Long.class);
    }

    public Optional<Owner> owner(long id) {
        return jdbc.query("SELECT r.id, p.id, p.organ_id, p.community_id" + FROM + " WHERE r.id = :id", Map.of("id", id),
                (rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class)))
                .stream().findFirst();
    }

    /** A review in full: five queries for the review and its participants, and the members' records for the year in a few more. */
    public Detail detail(long id) {
        Row row = jdbc.queryForObject(COLUMNS + FROM + " WHERE r.id = :id", Map.of("id", id), Reviews::row);
        Map<Long, Tally> tallies = new HashMap<>();
        jdbc.query("SELECT member_id, excellent, qualified, basically_qualified, unqualified FROM review_tally WHERE review_id = :id",
                Map.of("id", id), (RowCallbackHandler) rs -> tallies.merge(rs.getLong(1), tally(rs), Tally::plus));
        record Raw(long id, String code, String name, boolean full, boolean voted, String selfReview, Instant at, String grade) {
        }
        List<Raw> raw = jdbc.query("""
                SELECT m.id, m.code, m.name, x.full_member, x.self_review, x.self_reviewed_at, x.grade,
                       CASE WHEN v.member_id IS NULL THEN FALSE ELSE TRUE END AS voted
                FROM review_participant x JOIN member m ON m.id = x.member_id
                LEFT JOIN review_voter v ON v.review_id = x.review_id AND v.member_id = x.member_id
                WHERE x.review_id = :id ORDER BY x.full_member DESC, m.code""", Map.of("id", id),
                (rs, n) -> new Raw(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getBoolean("full_member"),
                        rs.getBoolean("voted"), rs.getString("self_review"), instant(rs, "self_reviewed_at"), rs.getString("grade")));
        Map<Long, MemberRecord> facts = records.of(raw.stream().filter(Raw::full).map(Raw::id).toList(), row.year());
        List<Participant> participants = raw.stream().map(p -> {
            Tally tally = p.full() ? tallies.getOrDefault(p.id(), Tally.ZERO) : null;
            Grade proposed = tally == null ? null : tally.proposed();
            Grade grade = p.grade() == null ? null : Grade.valueOf(p.grade());
            return new Participant(p.code(), p.name(), p.full(), p.voted(), p.selfReview(), p.at(), tally, proposed,
                    proposed == null ? null : proposed.label(), grade, grade == null ? null : grade.label(), facts.get(p.id()));
        }).toList();
        List<PeerReview> peers = jdbc.query("""
                SELECT a.code AS reviewer_code, a.name AS reviewer_name, b.code AS about_code, b.name AS about_name, r.text, r.written_at
                FROM review_peer r JOIN member a ON a.id = r.reviewer_id JOIN member b ON b.id = r.about_id
                WHERE r.review_id = :id ORDER BY r.id""", Map.of("id", id),
                (rs, n) -> new PeerReview(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, "written_at")));
        List<Review.Event> events = jdbc.query("""
                        SELECT type, happened_at, actor, note FROM meeting_event WHERE subject = 'review' AND subject_key = :k ORDER BY id""",
                Map.of("k", String.valueOf(id)),
                (rs, n) -> new Review.Event(rs.getString(1), instant(rs, "happened_at"), rs.getString(3), rs.getString(4)));
        return new Detail(row, row.fullMembers() / 3, participants, peers, events);
    }

    /**
     * Each member's grade in the organisation's decided review of the year (what the ledgers print), by member code;
     * empty when the year's review is not decided. Probationary members are listed without a grade.
     */
    public List<Result> results(long partyOrgId, int year) {
        return jdbc.query("""
                        SELECT m.id, m.code, m.name, x.full_member, x.grade FROM review r
                        JOIN review_participant x ON x.review_id = r.id JOIN member m ON m.id = x.member_id
                        WHERE r.party_org_id = :org AND r.review_year = :y AND r.state = 'DECIDED' ORDER BY m.code""",
                Map.of("org", partyOrgId, "y", year), (rs, n) -> {
                    String g = rs.getString(5);
                    Grade grade = g == null ? null : Grade.valueOf(g);
                    return new Result(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), grade,
                            grade == null ? null : grade.label());
                });
    }

    // ---------------------------------------------------------------- the aggregate

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM review WHERE opened_by = :a AND idempotency_key = :k", Map.of("a", actor, "k", key),
                Long.class).stream().findFirst();
    }

    public Optional<Long> idOf(long partyOrgId, int year) {
        return jdbc.queryForList("SELECT id FROM review WHERE party_org_id = :p AND review_year = :y", Map.of("p", partyOrgId, "y", year),
                Long.class).stream().findFirst();
    }

    public Optional<Review> load(long id) {
        List<Review.OnRoll> roll = jdbc.query("""
                        SELECT m.id, m.code, x.full_member FROM review_participant x JOIN member m ON m.id = x.member_id
                        WHERE x.review_id = :id ORDER BY m.code""", Map.of("id", id),
                (rs, n) -> new Review.OnRoll(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
        Map<Long, Grade> grades = new HashMap<>();
        jdbc.query("SELECT member_id, grade FROM review_participant WHERE review_id = :id AND grade IS NOT NULL", Map.of("id", id),
                (RowCallbackHandler) rs -> grades.put(rs.getLong(1), Grade.valueOf(rs.getString(2))));
        Map<Long, Tally> online = new HashMap<>();
        Map<Long, Tally> paper = new HashMap<>();
        jdbc.query("SELECT member_id, source, excellent, qualified, basically_qualified, unqualified FROM review_tally WHERE review_id = :id",
                Map.of("id", id), (RowCallbackHandler) rs -> ("ONLINE".equals(rs.getString(2)) ? online : paper).put(rs.getLong(1), tally(rs)));
        Map<Long, String> voters = new HashMap<>();
        jdbc.query("SELECT member_id, idempotency_key FROM review_voter WHERE review_id = :id", Map.of("id", id),
                (RowCallbackHandler) rs -> voters.put(rs.getLong(1), rs.getString(2)));
        return jdbc.query("""
                        SELECT id, version, party_org_id, review_year, state, paper_ballots, meeting_id, opened_at, opened_by,
                               idempotency_key, decided_at, decided_by FROM review WHERE id = :id""", Map.of("id", id),
                (rs, n) -> new Review(rs.getLong("id"), rs.getInt("version"), rs.getLong("party_org_id"), rs.getInt("review_year"),
                        ReviewState.valueOf(rs.getString("state")), roll, online, paper, voters, grades, rs.getInt("paper_ballots"),
                        (Long) rs.getObject("meeting_id", Long.class), instant(rs, "opened_at"), rs.getString("opened_by"),
                        rs.getString("idempotency_key"), instant(rs, "decided_at"), rs.getString("decided_by")))
                .stream().findFirst();
    }

    /**
     * Writes new reviews as they stand (one review, or the demo's), in batches: the review, its participants with any
     * grade, a zero count per full member and source (ballots and paper counts then only update), any paper count and
     * its events. Online ballots are never part of a new review.
     */
    public void insertAll(List<Review> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO review (version, party_org_id, review_year, state, participants, full_members, online_ballots,
                                            paper_ballots, meeting_id, opened_at, opened_by, decided_at, decided_by, idempotency_key)
                        VALUES (0, :org, :y, :state, :participants, :full, 0, :paper, :meeting, :openedAt, :openedBy, :decidedAt,
                                :decidedBy, :key)""",
                reviews.stream().map(r -> new MapSqlParameterSource("org", r.partyOrgId()).addValue("y", r.year())
                        .addValue("state", r.state().name()).addValue("participants", r.roll().size()).addValue("full", r.fullMembers())
                        .addValue("paper", r.paperBallots()).addValue("meeting", r.meetingId()).addValue("openedAt", time(r.openedAt()))
                        .addValue("openedBy", r.openedBy()).addValue("decidedAt", time(r.decidedAt())).addValue("decidedBy", r.decidedBy())
                        .addValue("key", r.idempotencyKey())).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < reviews.size(); i++) {
            reviews.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        List<MapSqlParameterSource> participants = new ArrayList<>();
        List<MapSqlParameterSource> tallies = new ArrayList<>();
        for (Review r : reviews) {
            for (Review.OnRoll m : r.roll()) {
                Grade grade = r.grades().get(m.id());
                participants.add(new MapSqlParameterSource("r", r.id()).addValue("m", m.id()).addValue("full", m.full())
                        .addValue("grade", grade == null ? null : grade.name()));
                if (m.full()) {
                    tallies.add(tally(r.id(), m.id(), "ONLINE", Tally.ZERO));
                    tallies.add(tally(r.id(), m.id(), "PAPER", r.paper().getOrDefault(m.id(), Tally.ZERO)));
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO review_participant (review_id, member_id, full_member, grade) VALUES (:r, :m, :full, :grade)",
                participants.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO review_tally (review_id, member_id, source, excellent, qualified, basically_qualified, unqualified)
                VALUES (:r, :m, :s, :e, :q, :b, :u)""", tallies.toArray(MapSqlParameterSource[]::new));
        writeEvents(reviews);
    }

    /** Writes a step that moved the review (voting, a paper count, the decision), guarded by its version, with its events. */
    public void save(Review r) {
        int updated = jdbc.update("""
                UPDATE review SET state = :state, paper_ballots = :paper, meeting_id = :meeting, decided_at = :decidedAt,
                                  decided_by = :decidedBy, version = version + 1
                WHERE id = :id AND version = :v AND online_ballots + :paper <= participants""",
                new MapSqlParameterSource("state", r.state().name()).addValue("paper", r.paperBallots()).addValue("meeting", r.meetingId())
                        .addValue("decidedAt", time(r.decidedAt())).addValue("decidedBy", r.decidedBy()).addValue("id", r.id())
                        .addValue("v", r.version()));
        if (updated != 1) {
            throw new ConflictException("民主评议已被他人修改（或有新的投票），请刷新后重试", Map.of("review", r.id()));
        }
        writeEvents(List.of(r));
    }

    /** Sets the paper counts (every full member: those not counted to zero). */
    public void savePaper(Review r) {
        jdbc.batchUpdate("""
                        UPDATE review_tally SET excellent = :e, qualified = :q, basically_qualified = :b, unqualified = :u
                        WHERE review_id = :r AND member_id = :m AND source = :s""",
                r.roll().stream().filter(Review.OnRoll::full).map(m -> tally(r.id(), m.id(), "PAPER", r.paper().getOrDefault(m.id(), Tally.ZERO)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public void saveGrades(Review r) {
        jdbc.batchUpdate("UPDATE review_participant SET grade = :g WHERE review_id = :r AND member_id = :m",
                r.grades().entrySet().stream().map(e -> new MapSqlParameterSource("g", e.getValue().name()).addValue("r", r.id())
                        .addValue("m", e.getKey())).toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Counts a ballot: the voter's row refuses a second one (primary key), the review's count only grows while it is
     * VOTING and below its participants (so concurrent ballots need no version), and each grade adds one to its count.
     */
    public void cast(Review r, Review.Ballot ballot) {
        jdbc.update("INSERT INTO review_voter (review_id, member_id, idempotency_key) VALUES (:r, :m, :k)",
                new MapSqlParameterSource("r", r.id()).addValue("m", ballot.voterId()).addValue("k", ballot.key()));
        int counted = jdbc.update("""
                UPDATE review SET online_ballots = online_ballots + 1
                WHERE id = :r AND state = 'VOTING' AND online_ballots + paper_ballots < participants""", Map.of("r", r.id()));
        if (counted != 1) {
            throw new ConflictException("投票已结束或投票数已达到参加评议的党员人数", Map.of("review", r.id()));
        }
        jdbc.batchUpdate("""
                        UPDATE review_tally SET excellent = excellent + :e, qualified = qualified + :q,
                               basically_qualified = basically_qualified + :b, unqualified = unqualified + :u
                        WHERE review_id = :r AND member_id = :m AND source = :s""",
                ballot.grades().entrySet().stream().map(e -> tally(r.id(), e.getKey(), "ONLINE", Tally.one(e.getValue())))
                        .toArray(MapSqlParameterSource[]::new));
        writeEvents(List.of(r));
    }

    /** Writes self-reviews, only while the review is not decided (a decision that just landed wins: 409). */
    public void writeSelfReviews(long reviewId, List<Review.SelfReviewed> written) {
        for (int n : selfReviews(reviewId, written, " AND EXISTS (SELECT 1 FROM review r WHERE r.id = :r AND r.state <> 'DECIDED')")) {
            if (n == 0) {
                throw new ConflictException(Review.FROZEN, Map.of("review", reviewId));
            }
        }
    }

    /** Writes the self-reviews of a review just inserted as it stands, decided or not (the demo's). */
    public void insertSelfReviews(long reviewId, List<Review.SelfReviewed> written) {
        selfReviews(reviewId, written, "");
    }

    private int[] selfReviews(long reviewId, List<Review.SelfReviewed> written, String guard) {
        return jdbc.batchUpdate("""
                        UPDATE review_participant SET self_review = :t, self_reviewed_at = :at, self_reviewed_by = :by
                        WHERE review_id = :r AND member_id = :m""" + guard,
                written.stream().map(s -> new MapSqlParameterSource("t", s.text()).addValue("at", time(s.at())).addValue("by", s.by())
                        .addValue("r", reviewId).addValue("m", s.memberId())).toArray(MapSqlParameterSource[]::new));
    }

    /** Writes a peer review, only while the review is not decided. */
    public void writePeerReview(long reviewId, Review.PeerReviewed p) {
        int inserted = jdbc.update("""
                INSERT INTO review_peer (review_id, reviewer_id, about_id, text, written_at, written_by)
                SELECT r.id, :a, :b, :t, :at, :by FROM review r WHERE r.id = :r AND r.state <> 'DECIDED'""",
                new MapSqlParameterSource("r", reviewId).addValue("a", p.reviewerId())
                .addValue("b", p.aboutId()).addValue("t", p.text()).addValue("at", time(p.at())).addValue("by", p.by()));
        if (inserted == 0) {
            throw new ConflictException(Review.FROZEN, Map.of("review", reviewId));
        }
    }

    /** Writes the events the reviews registered (to meeting_event, subject 'review'). */
    public void writeEvents(List<Review> reviews) {
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (Review r : reviews) {
            r.events().forEach(e -> events.add(new MapSqlParameterSource("k", String.valueOf(r.id())).addValue("type", e.type())
                    .addValue("at", time(e.at())).addValue("actor", e.actor()).addValue("note", e.note())));
        }
        if (!events.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO meeting_event (subject, subject_key, type, happened_at, actor, note)
                    VALUES ('review', :k, :type, :at, :actor, :note)""", events.toArray(MapSqlParameterSource[]::new));
        }
        reviews.forEach(Review::written);
    }

    // ---------------------------------------------------------------- helpers

    private static SqlWhere where(PartyLifeScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(scope.partyOrgs("p"));
        where.eq("p.code", "f_org", filter.org());
        where.eq("r.review_year", "f_year", filter.year());
        where.eq("r.state", "f_state", filter.state() == null ? null : filter.state().name());
        where.contains("f_q", filter.q(), "p.code", "p.name");
        if (filter.organ() != null && !filter.organ().isBlank()) {
            where.and("p.organ_id IN (SELECT o.id FROM organ o WHERE o.code = :f_organ)", Map.of("f_organ", filter.organ().trim()));
        }
        return where;
    }

    private static MapSqlParameterSource tally(long review, long member, String source, Tally t) {
        return new MapSqlParameterSource("r", review).addValue("m", member).addValue("s", source).addValue("e", t.excellent())
                .addValue("q", t.qualified()).addValue("b", t.basicallyQualified()).addValue("u", t.unqualified());
    }

    private static Tally tally(ResultSet rs) throws SQLException {
        return new Tally(rs.getInt("excellent"), rs.getInt("qualified"), rs.getInt("basically_qualified"), rs.getInt("unqualified"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        ReviewState state = ReviewState.valueOf(rs.getString("state"));
        return new Row(rs.getLong("id"), rs.getString("org_code"), rs.getString("org_name"), rs.getInt("review_year"), state, state.label(),
                rs.getInt("participants"), rs.getInt("full_members"), rs.getInt("online_ballots"), rs.getInt("paper_ballots"),
                rs.getInt("graded"), rs.getInt("excellent"), (Long) rs.getObject("meeting_id", Long.class), instant(rs, "opened_at"),
                rs.getString("opened_by"), instant(rs, "decided_at"), rs.getString("decided_by"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
