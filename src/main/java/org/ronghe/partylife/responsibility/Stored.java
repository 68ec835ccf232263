package org.ronghe.partylife.responsibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What the responsibility stores share: instants as UTC timestamps, and the event rows. */
final class Stored {

    private Stored() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static MapSqlParameterSource event(String subject, long key, Event e) {
        return new MapSqlParameterSource().addValue("s", subject).addValue("k", String.valueOf(key)).addValue("type", e.type())
                .addValue("at", time(e.at())).addValue("actor", e.actor()).addValue("note", e.note());
    }

    static void writeEvents(NamedParameterJdbcTemplate jdbc, List<MapSqlParameterSource> events) {
        if (!events.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO responsibility_event (subject, subject_key, type, happened_at, actor, note)
                    VALUES (:s, :k, :type, :at, :actor, :note)""", events.toArray(MapSqlParameterSource[]::new));
        }
    }

    static List<Event> events(NamedParameterJdbcTemplate jdbc, String subject, long key) {
        return jdbc.query("""
                        SELECT type, happened_at, actor, note FROM responsibility_event WHERE subject = :s AND subject_key = :k
                        ORDER BY id""", new MapSqlParameterSource("s", subject).addValue("k", String.valueOf(key)),
                (rs, n) -> new Event(rs.getString(1), instant(rs, "happened_at"), rs.getString(3), rs.getString(4)));
    }
}
