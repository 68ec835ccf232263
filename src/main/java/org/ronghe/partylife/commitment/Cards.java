package org.ronghe.partylife.commitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores 三亮 cards with their duties, commitments and events, and loads them back whole. Nothing is deleted. */
@Repository
class Cards {

    private final NamedParameterJdbcTemplate jdbc;

    Cards(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CommitmentCard> find(long memberId, int year) {
        return load("c.member_id = :m AND c.card_year = :y", new MapSqlParameterSource("m", memberId).addValue("y", year));
    }

    Optional<CommitmentCard> find(long cardId) {
        return load("c.id = :id", new MapSqlParameterSource("id", cardId));
    }

    Optional<Long> cardOfCommitment(long commitmentId) {
        return jdbc.queryForList("SELECT card_id FROM commitment WHERE id = :id", Map.of("id", commitmentId), Long.class)
                .stream().findFirst();
    }

    Optional<Long> cardForKey(String actor, String key) {
        return jdbc.queryForList("SELECT card_id FROM commitment_request WHERE actor = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    /** Remembers the request's key with the card it wrote; a racing twin fails on the primary key. */
    void remember(String actor, String key, long cardId) {
        jdbc.update("INSERT INTO commitment_request (actor, idempotency_key, card_id) VALUES (:a, :k, :c)",
                Map.of("a", actor, "k", key, "c", cardId));
    }

    private Optional<CommitmentCard> load(String where, MapSqlParameterSource params) {
        record Head(long id, int version, int dutiesVersion, long memberId, int year, Instant publishedAt, String publishedBy,
                    Instant revisedAt, String revisedBy) {
        }
        List<Head> heads = jdbc.query("""
                SELECT c.id, c.version, c.duties_version, c.member_id, c.card_year, c.published_at, c.published_by, c.revised_at,
                       c.revised_by FROM commitment_card c WHERE """ + " " + where, params,
                (rs, n) -> new Head(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getInt(5), instant(rs, "published_at"),
                        rs.getString(7), instant(rs, "revised_at"), rs.getString(9)));
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Head h = heads.get(0);
        List<String> duties = jdbc.queryForList("""
                SELECT text FROM commitment_duty WHERE card_id = :c AND card_version = :v ORDER BY position""",
                Map.of("c", h.id(), "v", h.dutiesVersion()), String.class);
        List<Commitment> commitments = jdbc.query("""
                SELECT id, position, text, target_kind, target_count, decision_meeting_id, decision_position, withdrawn,
                       withdrawn_at, withdrawn_by, withdrawn_reason FROM commitment WHERE card_id = :c ORDER BY position, id""",
                Map.of("c", h.id()), Cards::commitment);
        return Optional.of(new CommitmentCard(h.id(), h.version(), h.dutiesVersion(), h.memberId(), h.year(), duties, commitments,
                h.publishedAt(), h.publishedBy(), h.revisedAt(), h.revisedBy()));
    }

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("target_kind");
        Commitment.Target target = kind == null ? null : new Commitment.Target(TargetKind.valueOf(kind),
                (Integer) rs.getObject("target_count", Integer.class), (Long) rs.getObject("decision_meeting_id", Long.class),
                (Integer) rs.getObject("decision_position", Integer.class));
        return new Commitment(rs.getLong("id"), rs.getInt("position"), rs.getString("text"), target, rs.getBoolean("withdrawn"),
                instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"), rs.getString("withdrawn_reason"));
    }

    /** Writes new cards with their duties, commitments and events, in batches (one card, or the demo's thousands). */
    void saveAllNew(List<CommitmentCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO commitment_card (version, duties_version, member_id, card_year, published_at, published_by)
                        VALUES (0, 0, :m, :y, :at, :by)""",
                cards.stream().map(c -> new MapSqlParameterSource("m", c.memberId()).addValue("y", c.year())
                        .addValue("at", time(c.publishedAt())).addValue("by", c.publishedBy())).toArray(MapSqlParameterSource[]::new),
                keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        writeParts(cards);
    }

    /** Writes a changed card, guarded by the version it was read at, with its new parts and events. */
    void save(CommitmentCard card, int readVersion) {
        int updated = jdbc.update("""
                UPDATE commitment_card SET version = :v, duties_version = :dv, revised_at = :at, revised_by = :by
                WHERE id = :id AND version = :read""", new MapSqlParameterSource("v", card.version())
                .addValue("dv", card.dutiesVersion()).addValue("at", time(card.revisedAt())).addValue("by", card.revisedBy())
                .addValue("id", card.id()).addValue("read", readVersion));
        if (updated != 1) {
            throw new ConflictException("承诺卡已被他人修改，请刷新后重试", Map.of("card", card.id()));
        }
        List<MapSqlParameterSource> changed = new ArrayList<>();
        for (Commitment c : card.commitments()) {
            if (c.id() != null && c.dirty()) {
                changed.add(commitmentParams(card, c).addValue("id", c.id()));
            }
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE commitment SET position = :p, text = :t, target_kind = :kind, target_count = :count,
                           decision_meeting_id = :meeting, decision_position = :decision, withdrawn = :w, withdrawn_at = :wat,
                           withdrawn_by = :wby, withdrawn_reason = :why WHERE id = :id""", changed.toArray(MapSqlParameterSource[]::new));
        }
        writeParts(List.of(card));
    }

    /** The duties when they changed, the commitments not yet stored, and the events. */
    private void writeParts(List<CommitmentCard> cards) {
        List<MapSqlParameterSource> duties = new ArrayList<>();
        List<Commitment> fresh = new ArrayList<>();
        List<MapSqlParameterSource> freshParams = new ArrayList<>();
        for (CommitmentCard card : cards) {
            if (card.dutiesChanged()) {
                for (int i = 0; i < card.duties().size(); i++) {
                    duties.add(new MapSqlParameterSource("c", card.id()).addValue("v", card.dutiesVersion()).addValue("p", i + 1)
                            .addValue("t", card.duties().get(i)));
                }
            }
            for (Commitment c : card.commitments()) {
                if (c.id() == null) {
                    fresh.add(c);
                    freshParams.add(commitmentParams(card, c));
                }
            }
        }
        if (!duties.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO commitment_duty (card_id, card_version, position, text) VALUES (:c, :v, :p, :t)",
                    duties.toArray(MapSqlParameterSource[]::new));
        }
        if (!fresh.isEmpty()) {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.batchUpdate("""
                            INSERT INTO commitment (card_id, position, text, target_kind, target_count, decision_meeting_id,
                                                    decision_position, withdrawn, withdrawn_at, withdrawn_by, withdrawn_reason)
                            VALUES (:card, :p, :t, :kind, :count, :meeting, :decision, :w, :wat, :wby, :why)""",
                    freshParams.toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
            List<Map<String, Object>> generated = keys.getKeyList();
            for (int i = 0; i < fresh.size(); i++) {
                fresh.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
            }
        }
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (CommitmentCard card : cards) {
            for (CommitmentCard.Event e : card.events()) {
                events.add(new MapSqlParameterSource("card", card.id()).addValue("c", e.subject() == null ? null : e.subject().id())
                        .addValue("type", e.type()).addValue("at", time(e.at())).addValue("actor", e.actor()).addValue("note", e.note()));
            }
        }
        if (!events.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO commitment_event (card_id, commitment_id, type, happened_at, actor, note)
                    VALUES (:card, :c, :type, :at, :actor, :note)""", events.toArray(MapSqlParameterSource[]::new));
        }
        cards.forEach(CommitmentCard::written);
    }

    private static MapSqlParameterSource commitmentParams(CommitmentCard card, Commitment c) {
        Commitment.Target t = c.target();
        return new MapSqlParameterSource("card", card.id()).addValue("p", c.position()).addValue("t", c.text())
                .addValue("kind", t == null ? null : t.kind().name()).addValue("count", t == null ? null : t.count())
                .addValue("meeting", t == null ? null : t.meetingId()).addValue("decision", t == null ? null : t.decision())
                .addValue("w", c.withdrawn()).addValue("wat", time(c.withdrawnAt())).addValue("wby", c.withdrawnBy())
                .addValue("why", c.withdrawnReason());
    }

    /** One card's events, oldest first. */
    List<CommitmentCard.Event> events(long cardId) {
        return jdbc.query("SELECT type, happened_at, actor, note FROM commitment_event WHERE card_id = :c ORDER BY id",
                Map.of("c", cardId), (rs, n) -> new CommitmentCard.Event(rs.getString(1), null, instant(rs, "happened_at"),
                        rs.getString(3), rs.getString(4)));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
