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

/** Stores service items (guarded by their version) and the events they registered. Nothing is deleted. */
@Repository
public class ServiceItems {

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceEvents events;

    ServiceItems(NamedParameterJdbcTemplate jdbc, ServiceEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<ServiceItem> byId(long id) {
        return jdbc.query("SELECT * FROM service_item WHERE id = :id", Map.of("id", id), ServiceItems::row).stream().findFirst();
    }

    public Optional<Long> idForKey(String actor, String key) {
        return jdbc.queryForList("SELECT id FROM service_item WHERE published_by = :a AND idempotency_key = :k",
                Map.of("a", actor, "k", key), Long.class).stream().findFirst();
    }

    public void save(ServiceItem item) {
        if (item.id() == null) {
            saveAllNew(List.of(item));
            return;
        }
        int updated = jdbc.update("""
                UPDATE service_item SET version = version + 1, state = :state, claimed_by = :claimedBy, claimed_at = :claimedAt,
                       closed_at = :closedAt, reason = :reason
                WHERE id = :id AND version = :version""", params(item).addValue("id", item.id()).addValue("version", item.version()));
        if (updated == 0) {
            throw new ConflictException("服务项目已被他人修改，请刷新后重试", Map.of("id", item.id()));
        }
        events.write(ServiceEvents.ITEM, List.of(item.id()), List.of(item.events()));
        item.written(false);
    }

    public void saveAllNew(List<ServiceItem> items) {
        if (items.isEmpty()) {
            return;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate("""
                        INSERT INTO service_item (version, community_id, kind, title, description, planned_hours, due_on, state,
                                                  published_at, published_by, claimed_by, claimed_at, closed_at, reason,
                                                  idempotency_key)
                        VALUES (0, :community, :kind, :title, :description, :planned, :dueOn, :state, :publishedAt,
                                :publishedBy, :claimedBy, :claimedAt, :closedAt, :reason, :key)""",
                items.stream().map(ServiceItems::params).toArray(MapSqlParameterSource[]::new), keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < items.size(); i++) {
            items.get(i).assignIdentity(((Number) generated.get(i).values().iterator().next()).longValue());
        }
        events.write(ServiceEvents.ITEM, items.stream().map(ServiceItem::id).toList(), items.stream().map(ServiceItem::events).toList());
        items.forEach(i -> i.written(true));
    }

    private static MapSqlParameterSource params(ServiceItem i) {
        ServiceItem.Details d = i.details();
        return new MapSqlParameterSource().addValue("community", i.communityId()).addValue("kind", d.kind().name())
                .addValue("title", d.title()).addValue("description", d.description()).addValue("planned", d.plannedHours())
                .addValue("dueOn", d.dueOn()).addValue("state", i.state().name())
                .addValue("publishedAt", time(i.publishedAt())).addValue("publishedBy", i.publishedBy())
                .addValue("claimedBy", i.claimedBy()).addValue("claimedAt", time(i.claimedAt()))
                .addValue("closedAt", time(i.closedAt())).addValue("reason", i.reason()).addValue("key", i.idempotencyKey());
    }

    private static ServiceItem row(ResultSet rs, int n) throws SQLException {
        java.sql.Date due = rs.getDate("due_on");
        return ServiceItem.restore(rs.getLong("id"), rs.getInt("version"), rs.getLong("community_id"),
                new ServiceItem.Details(ServiceItem.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                        rs.getString("description"), rs.getBigDecimal("planned_hours"), due == null ? null : due.toLocalDate()),
                ServiceItem.State.valueOf(rs.getString("state")), instant(rs, "published_at"), rs.getString("published_by"),
                (Long) rs.getObject("claimed_by", Long.class), instant(rs, "claimed_at"), instant(rs, "closed_at"),
                rs.getString("reason"), rs.getString("idempotency_key"));
    }
}
