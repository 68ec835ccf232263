package org.ronghe.calls.open311;

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
import java.util.Set;

import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service requests: calls raised through Open311, and only those (the platform's other calls are
 * internal records). One query per answer, the last change taken from the call's events.
 */
@Repository
class Open311Requests {

    /** The specification's default and maximum answer size. */
    static final int LIMIT = 1000;

    private static final String SELECT = """
            SELECT c.id, c.state, c.description, c.category_code, k.name AS category_name, o.name AS organ_name,
                   c.raised_at, c.reply_by, c.reply, c.address, c.latitude, c.longitude,
                   (SELECT MAX(e.at) FROM call_event e WHERE e.call_id = c.id) AS updated_at
            FROM call c
            JOIN category k ON k.code = c.category_code
            LEFT JOIN organ o ON o.id = c.lead_organ_id
            WHERE c.origin = '""" + Origin.OPEN311.name() + "'";

    private final JdbcClient jdbc;

    Open311Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> one(long id) {
        return jdbc.sql(SELECT + " AND c.id = :id").param("id", id).query(Open311Requests::row).optional();
    }

    /** The requests with these ids (the list overrides every other filter, as the specification says). */
    List<Row> withIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " AND c.id IN (:ids) ORDER BY c.raised_at DESC, c.id DESC LIMIT " + LIMIT)
                .param("ids", ids).query(Open311Requests::row).list();
    }

    /**
     * @param serviceCodes empty for every service
     * @param statuses     {@code open} and/or {@code closed}; empty for both
     * @param from         inclusive
     * @param to           inclusive
     */
    List<Row> search(List<String> serviceCodes, Set<String> statuses, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        if (!serviceCodes.isEmpty()) {
            sql.append(" AND c.category_code IN (:codes)");
            params.put("codes", new ArrayList<>(serviceCodes));
        }
        if (statuses.size() == 1) {
            sql.append(statuses.contains("closed") ? " AND c.state = 'CLOSED'" : " AND c.state <> 'CLOSED'");
        }
        sql.append(" AND c.raised_at >= :from AND c.raised_at <= :to");
        params.put("from", from.atOffset(ZoneOffset.UTC));
        params.put("to", to.atOffset(ZoneOffset.UTC));
        sql.append(" ORDER BY c.raised_at DESC, c.id DESC LIMIT ").append(LIMIT);
        return jdbc.sql(sql.toString()).params(params).query(Open311Requests::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), CallState.valueOf(rs.getString("state")), rs.getString("description"),
                rs.getString("category_code"), rs.getString("category_name"), rs.getString("organ_name"),
                instant(rs, "raised_at"), instant(rs, "updated_at"), instant(rs, "reply_by"), rs.getString("reply"),
                rs.getString("address"), (Double) rs.getObject("latitude", Double.class),
                (Double) rs.getObject("longitude", Double.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A service request as stored: the call's public side (never the caller's name or phone). */
    record Row(long id, CallState state, String description, String serviceCode, String serviceName, String agency,
               Instant requestedAt, Instant updatedAt, Instant expectedAt, String reply, String address, Double latitude,
               Double longitude) {

        boolean closed() {
            return state == CallState.CLOSED;
        }

        /** The organ's answer, once given. */
        String statusNotes() {
            return state == CallState.REPLIED || state == CallState.CLOSED ? reply : null;
        }
    }
}
