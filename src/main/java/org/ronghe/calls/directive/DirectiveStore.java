package org.ronghe.calls.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.ConcurrentChangeException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores directives with their replies and events; guarded by the directive's version. */
@Repository
class DirectiveStore {

    private final NamedParameterJdbcTemplate jdbc;

    DirectiveStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(Directive d) {
        if (d.id() == null) {
            var key = new GeneratedKeyHolder();
            jdbc.update("""
                    INSERT INTO directive (version, title, body, issuer, issued_at, deadline, audience, idempotency_key)
                    VALUES (0, :title, :body, :issuer, :issuedAt, :deadline, :audience, :key)""",
                    new MapSqlParameterSource().addValue("title", d.title()).addValue("body", d.body())
                            .addValue("issuer", d.issuer()).addValue("issuedAt", time(d.issuedAt()))
                            .addValue("deadline", time(d.deadline())).addValue("audience", d.audience().name())
                            .addValue("key", d.idempotencyKey()), key, new String[]{"id"});
            d.assignIdentity(key.getKey().longValue());
            List<MapSqlParameterSource> rows = new ArrayList<>();
            d.replies().forEach((unit, reply) -> rows.add(replyParams(d.id(), unit, reply)));
            jdbc.batchUpdate("""
                    INSERT INTO directive_reply (directive_id, unit_kind, unit_id, acknowledged_at, acknowledged_by,
                                                 completed_at, completed_by, report, urged_at, missed_at)
                    VALUES (:directive, :kind, :unit, :ackAt, :ackBy, :doneAt, :doneBy, :report, :urgedAt, :missedAt)""",
                    rows.toArray(MapSqlParameterSource[]::new));
        } else {
            int updated = jdbc.update("UPDATE directive SET version = version + 1 WHERE id = :id AND version = :v",
                    Map.of("id", d.id(), "v", d.version()));
            if (updated == 0) {
                throw new ConcurrentChangeException("指令", d.id());
            }
            d.versionWritten();
            List<MapSqlParameterSource> rows = new ArrayList<>();
            d.replies().forEach((unit, reply) -> rows.add(replyParams(d.id(), unit, reply)));
            jdbc.batchUpdate("""
                    UPDATE directive_reply SET acknowledged_at = :ackAt, acknowledged_by = :ackBy, completed_at = :doneAt,
                           completed_by = :doneBy, report = :report, urged_at = :urgedAt, missed_at = :missedAt
                    WHERE directive_id = :directive AND unit_kind = :kind AND unit_id = :unit""",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
        List<MapSqlParameterSource> events = new ArrayList<>();
        for (Directive.Event e : d.events()) {
            events.add(new MapSqlParameterSource().addValue("directive", d.id()).addValue("at", time(e.at()))
                    .addValue("actor", e.actor()).addValue("type", e.type().name())
                    .addValue("kind", e.unit() == null ? null : e.unit().kind().name())
                    .addValue("unit", e.unit() == null ? null : e.unit().id()).addValue("note", e.note()));
        }
        if (!events.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO directive_event (directive_id, at, actor, type, unit_kind, unit_id, note)
                    VALUES (:directive, :at, :actor, :type, :kind, :unit, :note)""", events.toArray(MapSqlParameterSource[]::new));
        }
        d.eventsWritten();
    }

    Optional<Directive> find(long id) {
        Map<Directive.Unit, Directive.Reply> replies = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM directive_reply WHERE directive_id = :id ORDER BY unit_kind, unit_id", Map.of("id", id),
                (rs, n) -> Map.entry(new Directive.Unit(Directive.UnitKind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")),
                        new Directive.Reply(instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                                instant(rs, "completed_at"), rs.getString("completed_by"), rs.getString("report"),
                                instant(rs, "urged_at"), instant(rs, "missed_at"))))
                .forEach(e -> replies.put(e.getKey(), e.getValue()));
        return jdbc.query("SELECT * FROM directive WHERE id = :id", Map.of("id", id), (rs, n) -> Directive.restore(
                        rs.getLong("id"), rs.getInt("version"), rs.getString("title"), rs.getString("body"), rs.getString("issuer"),
                        instant(rs, "issued_at"), instant(rs, "deadline"), Directive.Audience.valueOf(rs.getString("audience")),
                        rs.getString("idempotency_key"), replies))
                .stream().findFirst();
    }

    Optional<Long> idForKey(String issuer, String key) {
        return jdbc.query("SELECT id FROM directive WHERE issuer = :i AND idempotency_key = :k", Map.of("i", issuer, "k", key),
                (rs, n) -> rs.getLong(1)).stream().findFirst();
    }

    List<Directive.Event> events(long id) {
        return jdbc.query("SELECT * FROM directive_event WHERE directive_id = :id ORDER BY id", Map.of("id", id),
                (rs, n) -> new Directive.Event(Directive.EventType.valueOf(rs.getString("type")), instant(rs, "at"),
                        rs.getString("actor"), rs.getString("unit_kind") == null ? null
                        : new Directive.Unit(Directive.UnitKind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")),
                        rs.getString("note")));
    }

    private static MapSqlParameterSource replyParams(long directive, Directive.Unit unit, Directive.Reply r) {
        return new MapSqlParameterSource().addValue("directive", directive).addValue("kind", unit.kind().name())
                .addValue("unit", unit.id()).addValue("ackAt", time(r.acknowledgedAt())).addValue("ackBy", r.acknowledgedBy())
                .addValue("doneAt", time(r.completedAt())).addValue("doneBy", r.completedBy()).addValue("report", r.report())
                .addValue("urgedAt", time(r.urgedAt())).addValue("missedAt", time(r.missedAt()));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
