package org.ronghe.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.ronghe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores emergencies, their events and their zone areas. */
@Repository
class Emergencies {

    private static final String COLUMNS = """
            SELECT id, version, code, name, kind, state, started_at, declared_at, declared_by, stood_down_at, stood_down_by,
                   idempotency_key FROM emergency""";

    private final JdbcClient jdbc;

    Emergencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Emergency> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(Emergencies::emergency).optional();
    }

    /** The emergency, locked until the transaction ends, so a change and a stand-down do not cross. */
    Emergency lock(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id).query(Emergencies::emergency).optional()
                .orElseThrow(() -> new NotFoundException("应急事件", String.valueOf(id)));
    }

    Optional<Long> idForKey(String actor, String key) {
        return jdbc.sql("SELECT id FROM emergency WHERE declared_by = :a AND idempotency_key = :k").param("a", actor).param("k", key)
                .query(Long.class).optional();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency WHERE code = :c").param("c", code).query(Long.class).single() > 0;
    }

    void insert(Emergency e) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO emergency (code, name, kind, state, started_at, declared_at, declared_by, idempotency_key)
                        VALUES (:code, :name, :kind, :state, :started, :declared, :by, :key)""")
                .param("code", e.code()).param("name", e.name()).param("kind", e.kind().name()).param("state", e.state().name())
                .param("started", at(e.startedAt())).param("declared", at(e.declaredAt())).param("by", e.declaredBy())
                .param("key", e.idempotencyKey())
                .update(keys, "id");
        e.assignIdentity(keys.getKey().longValue());
        writeEvents(e);
    }

    /** Writes the state (the row is locked by {@link #lock}) and the events the step registered. */
    void update(Emergency e) {
        jdbc.sql("""
                        UPDATE emergency SET state = :state, stood_down_at = :at, stood_down_by = :by, version = version + 1
                        WHERE id = :id""")
                .param("state", e.state().name()).param("at", at(e.stoodDownAt())).param("by", e.stoodDownBy()).param("id", e.id())
                .update();
        writeEvents(e);
    }

    void writeEvents(Emergency e) {
        for (Emergency.Event event : e.events()) {
            jdbc.sql("INSERT INTO emergency_event (emergency_id, kind, at, actor, detail) VALUES (:e, :k, :at, :a, :d)")
                    .param("e", e.id()).param("k", event.kind()).param("at", at(event.at())).param("a", event.actor())
                    .param("d", event.detail() == null ? null : event.detail().length() > 1000 ? event.detail().substring(0, 1000) : event.detail())
                    .update();
        }
        e.written();
    }

    List<Emergency.Area> zone(long emergencyId) {
        return jdbc.sql("SELECT community_id, grid_id, control FROM emergency_area WHERE emergency_id = :e AND until IS NULL")
                .param("e", emergencyId)
                .query((rs, n) -> new Emergency.Area(rs.getLong(1), rs.getObject(2, Long.class), Control.valueOf(rs.getString(3))))
                .list();
    }

    void apply(long emergencyId, Emergency.ZoneChange change, Instant now) {
        for (Emergency.Area area : change.ended()) {
            jdbc.sql("""
                            UPDATE emergency_area SET until = :now WHERE emergency_id = :e AND community_id = :c
                            AND COALESCE(grid_id, 0) = :g AND control = :k AND until IS NULL""")
                    .param("now", at(now)).param("e", emergencyId).param("c", area.communityId())
                    .param("g", area.gridId() == null ? 0L : area.gridId()).param("k", area.control().name()).update();
        }
        for (Emergency.Area area : change.added()) {
            jdbc.sql("INSERT INTO emergency_area (emergency_id, community_id, grid_id, control, since) VALUES (:e, :c, :g, :k, :now)")
                    .param("e", emergencyId).param("c", area.communityId()).param("g", area.gridId())
                    .param("k", area.control().name()).param("now", at(now)).update();
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Emergency emergency(ResultSet rs, int n) throws SQLException {
        return new Emergency(rs.getLong("id"), rs.getInt("version"), rs.getString("code"), rs.getString("name"),
                EmergencyKind.valueOf(rs.getString("kind")), Emergency.State.valueOf(rs.getString("state")), instant(rs, "started_at"),
                instant(rs, "declared_at"), rs.getString("declared_by"), instant(rs, "stood_down_at"), rs.getString("stood_down_by"),
                rs.getString("idempotency_key"));
    }
}
