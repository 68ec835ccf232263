package org.ronghe.visits.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes the events the aggregates registered, in the caller's transaction; reads a record's timeline. */
@Repository
public class ServiceEvents {

    public static final String CHECK_IN = "checkin";
    public static final String ITEM = "item";
    public static final String LOG = "log";

    private final NamedParameterJdbcTemplate jdbc;

    ServiceEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param events per subject id, the events it registered */
    void write(String subject, List<Long> ids, List<List<ServiceEvent>> events) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (ServiceEvent e : events.get(i)) {
                rows.add(new MapSqlParameterSource().addValue("subject", subject).addValue("id", ids.get(i))
                        .addValue("type", e.type().name()).addValue("from", e.from()).addValue("to", e.to())
                        .addValue("at", time(e.at())).addValue("actor", e.actor()).addValue("note", e.note()));
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO service_event (subject, subject_id, type, from_state, to_state, happened_at, actor, note)
                    VALUES (:subject, :id, :type, :from, :to, :at, :actor, :note)""", rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The record's steps, oldest first. */
    public List<ServiceEvent> timeline(String subject, long id) {
        return jdbc.query("""
                        SELECT type, from_state, to_state, happened_at, actor, note FROM service_event
                        WHERE subject = :s AND subject_id = :id ORDER BY id""",
                new MapSqlParameterSource("s", subject).addValue("id", id),
                (rs, n) -> new ServiceEvent(ServiceEvent.Type.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        instant(rs, "happened_at"), rs.getString(5), rs.getString(6)));
    }

    /** Instants travel as UTC offset date-times, which both H2 and the PostgreSQL driver bind. */
    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
