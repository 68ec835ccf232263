package org.ronghe.visits.service;

import static org.ronghe.visits.service.ServiceEvents.instant;
import static org.ronghe.visits.service.ServiceEvents.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores check-ins (guarded by their version) and the events they registered. Nothing is deleted. */
@Repository
public class CheckIns {

    private static final String COLUMNS = """
            id, version, member_id, community_id, state, reported_at, reported_by, decided_at, decided_by, reason,
            idempotency_key""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceEvents events;

    CheckIns(NamedParameterJdbcTemplate jdbc, ServiceEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<CheckIn> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_checkin WHERE id = :id", Map.of("id", id), CheckIns::row)
                .stream().findFirst();
    }

    /** The member's check-in that counts (reported or confirmed), if any. */
    public Optional<CheckIn> activeOf(long memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM service_checkin WHERE active_member_id = :m", Map.of("m", memberId),
                CheckIns::row).stream().findFirst();
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM service_checkin WHERE reported_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    /** Writes a new or changed check-in; a change someone else made first is refused with 409. */
    public void save(CheckIn checkIn) {
        if (checkIn.id() == null) {
            saveAllNew(List.of(checkIn));
            return;
        }
        int updated = jdbc.update("""
                UPDATE service_checkin SET version = version + 1, state = :state, active_member_id = :active,
                       decided_at = :decidedAt, decided_by = :decidedBy, reason = :reason
                WHERE id = :id AND version = :version""", params(checkIn).addValue("id", checkIn.id())
                .addValue("version", checkIn.version()));
        if (updated == 0) {
            throw new ConflictException("报到记录已被他人修改，请刷新后重试", Map.of("id", checkIn.id()));
        }
        events.write(ServiceEvents.CHECK_IN, List.of(checkIn.id()), List.of(checkIn.events()));
        checkIn.written(false);
    }

    /** Writes many new check-ins at once (one member's report, or the demo district's). */
    public void saveAllNew(List<CheckIn> checkIns) {
        if (checkIns.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO service_checkin (version, member_id, community_id, state, active_member_id, reported_at,
                                                     reported_by, decided_at, decided_by, reason, idempotency_key)
                        VALUES (0, :member, :community, :state, :active, :reportedAt, :reportedBy, :decidedAt, :decidedBy,
                                :reason, :key)""",
                checkIns.stream().map(CheckIns::params).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < checkIns.size(); i++) {
            checkIns.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        events.write(ServiceEvents.CHECK_IN, checkIns.stream().map(CheckIn::id).toList(),
                checkIns.stream().map(CheckIn::events).toList());
        checkIns.forEach(c -> c.written(true));
    }

    private static MapSqlParameterSource params(CheckIn c) {
        return new MapSqlParameterSource().addValue("member", c.memberId()).addValue("community", c.communityId())
                .addValue("state", c.state().name()).addValue("active", c.active() ? c.memberId() : null)
                .addValue("reportedAt", time(c.reportedAt())).addValue("reportedBy", c.reportedBy())
                .addValue("decidedAt", time(c.decidedAt())).addValue("decidedBy", c.decidedBy())
                .addValue("reason", c.reason()).addValue("key", c.idempotencyKey());
    }

    private static CheckIn row(ResultSet rs, int n) throws SQLException {
        return CheckIn.restore(rs.getLong("id"), rs.getInt("version"), rs.getLong("member_id"), rs.getLong("community_id"),
                CheckIn.State.valueOf(rs.getString("state")), instant(rs, "reported_at"), rs.getString("reported_by"),
                instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reason"), rs.getString("idempotency_key"));
    }
}
