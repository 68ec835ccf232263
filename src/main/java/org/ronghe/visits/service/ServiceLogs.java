package org.ronghe.visits.service;

import static org.ronghe.visits.service.ServiceEvents.instant;
import static org.ronghe.visits.service.ServiceEvents.time;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.ConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores service logs (guarded by their version) and the events they registered. Nothing is deleted. */
@Repository
public class ServiceLogs {

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceEvents events;

    ServiceLogs(NamedParameterJdbcTemplate jdbc, ServiceEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<ServiceLog> byId(long id) {
        return jdbc.query("SELECT * FROM service_log WHERE id = :id", Map.of("id", id), ServiceLogs::row).stream().findFirst();
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM service_log WHERE logged_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    /** The hours a member has logged for a day and not had rejected. */
    public BigDecimal hoursOn(long memberId, LocalDate day) {
        BigDecimal sum = jdbc.queryForObject("""
                SELECT COALESCE(SUM(hours), 0) FROM service_log WHERE member_id = :m AND served_on = :d AND state <> 'REJECTED'""",
                Map.of("m", memberId, "d", day), BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    public void save(ServiceLog log) {
        if (log.id() == null) {
            saveAllNew(List.of(log));
            return;
        }
        int updated = jdbc.update("""
                UPDATE service_log SET version = version + 1, state = :state, decided_at = :decidedAt, decided_by = :decidedBy,
                       remark = :remark
                WHERE id = :id AND version = :version""", params(log).addValue("id", log.id()).addValue("version", log.version()));
        if (updated == 0) {
            throw new ConflictException("服务时长记录已被他人修改，请刷新后重试", Map.of("id", log.id()));
        }
        events.write(ServiceEvents.LOG, List.of(log.id()), List.of(log.events()));
        log.written(false);
    }

    public void saveAllNew(List<ServiceLog> logs) {
        if (logs.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO service_log (version, member_id, community_id, item_id, served_on, hours, note, state,
                                                 logged_at, logged_by, decided_at, decided_by, remark, idempotency_key)
                        VALUES (0, :member, :community, :item, :servedOn, :hours, :note, :state, :loggedAt, :loggedBy,
                                :decidedAt, :decidedBy, :remark, :key)""",
                logs.stream().map(ServiceLogs::params).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < logs.size(); i++) {
            logs.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        events.write(ServiceEvents.LOG, logs.stream().map(ServiceLog::id).toList(), logs.stream().map(ServiceLog::events).toList());
        logs.forEach(l -> l.written(true));
    }

    private static MapSqlParameterSource params(ServiceLog l) {
        return new MapSqlParameterSource().addValue("member", l.memberId()).addValue("community", l.communityId())
                .addValue("item", l.itemId()).addValue("servedOn", l.servedOn()).addValue("hours", l.hours())
                .addValue("note", l.note()).addValue("state", l.state().name()).addValue("loggedAt", time(l.loggedAt()))
                .addValue("loggedBy", l.loggedBy()).addValue("decidedAt", time(l.decidedAt()))
                .addValue("decidedBy", l.decidedBy()).addValue("remark", l.remark()).addValue("key", l.idempotencyKey());
    }

    private static ServiceLog row(ResultSet rs, int n) throws SQLException {
        return ServiceLog.restore(rs.getLong("id"), rs.getInt("version"), rs.getLong("member_id"), rs.getLong("community_id"),
                (Long) rs.getObject("item_id", Long.class), rs.getDate("served_on").toLocalDate(), rs.getBigDecimal("hours"),
                rs.getString("note"), ServiceLog.State.valueOf(rs.getString("state")), instant(rs, "logged_at"),
                rs.getString("logged_by"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("remark"),
                rs.getString("idempotency_key"));
    }
}
