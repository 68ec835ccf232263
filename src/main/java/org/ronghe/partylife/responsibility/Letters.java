package org.ronghe.partylife.responsibility;

import static org.ronghe.partylife.responsibility.Stored.instant;
import static org.ronghe.partylife.responsibility.Stored.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.partylife.MeetingKind;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores responsibility letters and their duty items (with the records attached and the events), and lists letters. */
@Repository
public class Letters {

    static final String SUBJECT = "letter";

    private final NamedParameterJdbcTemplate jdbc;

    Letters(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One letter as listed; {@code items}/{@code fulfilled}/{@code overdue} count its items not withdrawn (computed). */
    public record Row(long id, String organCode, String organName, int year, String title, LetterState state, String stateLabel,
                      Instant issuedAt, String issuedBy, Instant signedAt, String signedBy, int items, int fulfilled, int overdue) {

        public Row counted(DutyFulfilment.Summary s) {
            return new Row(id, organCode, organName, year, title, state, stateLabel, issuedAt, issuedBy, signedAt, signedBy,
                    s.items(), s.fulfilled(), s.overdue());
        }
    }

    /** @param organ an organ code; {@code state} ISSUED or SIGNED */
    public record Filter(String organ, Integer year, LetterState state) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    // ---------------------------------------------------------------- letters

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM responsibility_letter WHERE issued_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    public boolean exists(long organId, int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM responsibility_letter WHERE organ_id = :o AND letter_year = :y",
                Map.of("o", organId, "y", year), Long.class) > 0;
    }

    /** Writes new letters and their events in batches (one letter, or the demo's). */
    public void saveAllNew(List<ResponsibilityLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO responsibility_letter (version, organ_id, letter_year, starts_on, title, body, state, issued_at,
                                                           issued_by, signed_at, signed_by, idempotency_key)
                        VALUES (0, :organ, :y, :starts, :title, :body, :state, :at, :by, :signedAt, :signedBy, :key)""",
                letters.stream().map(l -> new MapSqlParameterSource("organ", l.organId()).addValue("y", l.year())
                        .addValue("starts", l.startsOn()).addValue("title", l.title()).addValue("body", l.body())
                        .addValue("state", l.state().name()).addValue("at", time(l.issuedAt())).addValue("by", l.issuedBy())
                        .addValue("signedAt", time(l.signedAt())).addValue("signedBy", l.signedBy())
                        .addValue("key", l.idempotencyKey())).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            ResponsibilityLetter l = letters.get(i);
            l.assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
            l.events().forEach(e -> events.add(Stored.event(SUBJECT, l.id(), e)));
        }
        Stored.writeEvents(jdbc, events);
        letters.forEach(ResponsibilityLetter::written);
    }

    /** Writes a letter's state, guarded by its version, and its events. */
    public void save(ResponsibilityLetter l) {
        int updated = jdbc.update("""
                UPDATE responsibility_letter SET state = :state, signed_at = :signedAt, signed_by = :signedBy, version = version + 1
                WHERE id = :id AND version = :v""", new MapSqlParameterSource("state", l.state().name())
                .addValue("signedAt", time(l.signedAt())).addValue("signedBy", l.signedBy()).addValue("id", l.id())
                .addValue("v", l.version()));
        if (updated != 1) {
            throw new ConflictException("责任书已被他人修改，请刷新后重试", Map.of("letter", l.id()));
        }
        Stored.writeEvents(jdbc, l.events().stream().map(e -> Stored.event(SUBJECT, l.id(), e)).toList());
        l.written();
    }

    public Optional<ResponsibilityLetter> load(long id) {
        return jdbc.query("""
                        SELECT id, version, organ_id, letter_year, title, body, state, issued_at, issued_by, signed_at, signed_by,
                               idempotency_key FROM responsibility_letter WHERE id = :id""", Map.of("id", id),
                (rs, n) -> new ResponsibilityLetter(rs.getLong("id"), rs.getInt("version"), rs.getLong("organ_id"),
                        rs.getInt("letter_year"), rs.getString("title"), rs.getString("body"), LetterState.valueOf(rs.getString("state")),
                        instant(rs, "issued_at"), rs.getString("issued_by"), instant(rs, "signed_at"), rs.getString("signed_by"),
                        rs.getString("idempotency_key"))).stream().findFirst();
    }

    private static final String FROM = " FROM responsibility_letter l JOIN organ o ON o.id = l.organ_id";
    private static final String COLUMNS = """
            SELECT l.id, o.code AS organ_code, o.name AS organ_name, l.letter_year, l.title, l.state, l.issued_at, l.issued_by,
                   l.signed_at, l.signed_by""";

    public PageResult<Row> list(ResponsibilityScope scope, Filter filter, PageQuery page) {
        SqlWhere where = where(scope, filter);
        long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
        List<Row> rows = jdbc.query(COLUMNS + FROM + where.sql() + " ORDER BY l.letter_year DESC, o.code, l.id LIMIT :limit OFFSET :offset",
                where.params(page), Letters::row);
        return PageResult.of(rows, page, total);
    }

    /** Every letter the filter selects, in the list's order (the export). */
    public List<Row> all(ResponsibilityScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        return jdbc.query(COLUMNS + FROM + where.sql() + " ORDER BY l.letter_year DESC, o.code, l.id", where.params(), Letters::row);
    }

    public long count(ResponsibilityScope scope, Filter filter) {
        SqlWhere where = where(scope, filter);
        return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where.sql(), where.params(), Long.class);
    }

    public Row row(long id) {
        return jdbc.queryForObject(COLUMNS + FROM + " WHERE l.id = :id", Map.of("id", id), Letters::row);
    }

    public List<Event> events(long id) {
        return Stored.events(jdbc, SUBJECT, id);
    }

    static SqlWhere where(ResponsibilityScope scope, Filter filter) {
        SqlWhere where = new SqlWhere().and(scope.clause("l.organ_id"));
        where.eq("o.code", "f_organ", filter.organ());
        where.eq("l.letter_year", "f_year", filter.year());
        where.eq("l.state", "f_state", filter.state() == null ? null : filter.state().name());
        return where;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        LetterState state = LetterState.valueOf(rs.getString("state"));
        return new Row(rs.getLong("id"), rs.getString("organ_code"), rs.getString("organ_name"), rs.getInt("letter_year"),
                rs.getString("title"), state, state.label(), instant(rs, "issued_at"), rs.getString("issued_by"),
                instant(rs, "signed_at"), rs.getString("signed_by"), 0, 0, 0);
    }

    // ---------------------------------------------------------------- items

    public int nextPosition(long letterId) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) + 1 FROM duty_item WHERE letter_id = :l",
                Map.of("l", letterId), Integer.class);
    }

    /** Writes new items and their events in batches. */
    public void saveAllNewItems(List<DutyItem> items) {
        if (items.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO duty_item (version, letter_id, position, list_kind, text, owner_id, due_on, measure, meeting_kind,
                                               target, withdrawn)
                        VALUES (0, :letter, :p, :list, :text, :owner, :due, :measure, :kind, :target, FALSE)""",
                items.stream().map(i -> terms(new MapSqlParameterSource("letter", i.letterId()).addValue("p", i.position())
                        .addValue("list", i.list().name()), i.terms())).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            DutyItem item = items.get(i);
            item.assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
            item.events().forEach(e -> events.add(Stored.event(SUBJECT, item.letterId(), e)));
        }
        Stored.writeEvents(jdbc, events);
        items.forEach(DutyItem::written);
    }

    /** Writes an item's terms and withdrawal, guarded by its version, the records attached and its events. */
    public void save(DutyItem item) {
        int updated = jdbc.update("""
                UPDATE duty_item SET text = :text, owner_id = :owner, due_on = :due, measure = :measure, meeting_kind = :kind,
                       target = :target, withdrawn = :withdrawn, withdrawn_reason = :reason, version = version + 1
                WHERE id = :id AND version = :v""", terms(new MapSqlParameterSource("withdrawn", item.withdrawn())
                .addValue("reason", item.withdrawnReason()).addValue("id", item.id()).addValue("v", item.version()), item.terms()));
        if (updated != 1) {
            throw new ConflictException("责任事项已被他人修改，请刷新后重试", Map.of("item", item.position()));
        }
        if (!item.attached().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO duty_item_record (item_id, meeting_id, decision_position, attached_at, attached_by)
                    VALUES (:item, :m, :d, :at, :by)""", item.attached().stream().map(a -> new MapSqlParameterSource("item", item.id())
                    .addValue("m", a.meetingId()).addValue("d", a.decision()).addValue("at", time(a.at())).addValue("by", a.actor()))
                    .toArray(MapSqlParameterSource[]::new));
        }
        Stored.writeEvents(jdbc, item.events().stream().map(e -> Stored.event(SUBJECT, item.letterId(), e)).toList());
        item.written();
    }

    public Optional<DutyItem> item(long letterId, int position) {
        return jdbc.query("""
                        SELECT id, version, letter_id, position, list_kind, text, owner_id, due_on, measure, meeting_kind, target,
                               withdrawn, withdrawn_reason FROM duty_item WHERE letter_id = :l AND position = :p""",
                Map.of("l", letterId, "p", position), (rs, n) -> {
                    String kind = rs.getString("meeting_kind");
                    return new DutyItem(rs.getLong("id"), rs.getInt("version"), rs.getLong("letter_id"), rs.getInt("position"),
                            DutyList.valueOf(rs.getString("list_kind")), new DutyItem.Terms(rs.getString("text"), rs.getLong("owner_id"),
                            rs.getObject("due_on", LocalDate.class), Measure.valueOf(rs.getString("measure")),
                            kind == null ? null : MeetingKind.valueOf(kind), (Integer) rs.getObject("target", Integer.class)),
                            rs.getBoolean("withdrawn"), rs.getString("withdrawn_reason"));
                }).stream().findFirst();
    }

    public boolean attached(long itemId, long meetingId, int decision) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM duty_item_record WHERE item_id = :i AND meeting_id = :m AND decision_position = :d""",
                Map.of("i", itemId, "m", meetingId, "d", decision), Long.class) > 0;
    }

    private static MapSqlParameterSource terms(MapSqlParameterSource params, DutyItem.Terms t) {
        return params.addValue("text", t.text()).addValue("owner", t.ownerId()).addValue("due", t.dueOn())
                .addValue("measure", t.measure().name()).addValue("kind", t.meetingKind() == null ? null : t.meetingKind().name())
                .addValue("target", t.target());
    }
}
