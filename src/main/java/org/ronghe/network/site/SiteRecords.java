package org.ronghe.network.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.PersonalData;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What centres and points keep alike: their staff (phones sealed) and their event rows. */
@Component
public class SiteRecords {

    static final String PHONE = PersonalData.NETWORK_STAFF_PHONE;
    static final String CENTRE = "CENTRE";
    static final String POINT = "POINT";

    private final JdbcClient jdbc;
    private final PersonalData personal;

    SiteRecords(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** The staff of many sites in one query, by site id, in the order they were given. */
    Map<Long, List<Staff>> staffOf(String kind, Collection<Long> ids) {
        Map<Long, List<Staff>> staff = new HashMap<>();
        if (ids.isEmpty()) {
            return staff;
        }
        jdbc.sql("SELECT site_id, name, duty, phone FROM network_staff WHERE site_kind = :k AND site_id IN (:ids) ORDER BY site_id, position")
                .param("k", kind).param("ids", ids)
                .query((RowCallbackHandler) rs -> staff.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new Staff(rs.getString(2), rs.getString(3), personal.open(PHONE, rs.getString(4)))));
        return staff;
    }

    /** Replaces a site's staff list: the list is a value of the site, its history is in the audit log. */
    void saveStaff(String kind, long id, List<Staff> staff) {
        jdbc.sql("DELETE FROM network_staff WHERE site_kind = :k AND site_id = :id").param("k", kind).param("id", id).update();
        for (int i = 0; i < staff.size(); i++) {
            Staff s = staff.get(i);
            jdbc.sql("INSERT INTO network_staff (site_kind, site_id, position, name, duty, phone) VALUES (:k, :id, :p, :n, :d, :ph)")
                    .param("k", kind).param("id", id).param("p", i + 1).param("n", s.name()).param("d", s.duty())
                    .param("ph", personal.seal(PHONE, s.phone())).update();
        }
    }

    void event(String kind, long id, String type, Instant at, String actor, String note) {
        jdbc.sql("INSERT INTO network_event (site_kind, site_id, type, happened_at, actor, note) VALUES (:k, :id, :t, :at, :a, :n)")
                .param("k", kind).param("id", id).param("t", type).param("at", Timestamp.from(at)).param("a", actor)
                .param("n", note == null || note.length() <= 1000 ? note : note.substring(0, 1000)).update();
    }

    public record Event(String type, Instant at, String actor, String note) {
    }

    public List<Event> events(String kind, long id) {
        return jdbc.sql("SELECT type, happened_at, actor, note FROM network_event WHERE site_kind = :k AND site_id = :id ORDER BY id")
                .param("k", kind).param("id", id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4))).list();
    }

    static String joined(List<String> services) {
        return services.isEmpty() ? null : String.join("\n", services);
    }

    static List<String> split(String services) {
        return services == null || services.isBlank() ? List.of() : List.of(services.split("\n"));
    }

    static Double dbl(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Long lng(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
