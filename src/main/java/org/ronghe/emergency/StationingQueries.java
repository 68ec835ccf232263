package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the stationing pages and API read: an emergency's stationings, the 72-hour coverage board (gaps first), and
 * the lists the figures link to (cadres stationed, communities covered). Every read carries the reader's scope.
 */
@Service
public class StationingQueries {

    private final JdbcClient jdbc;
    private final Places places;
    private final ZonePlaces zones;
    private final Clock clock;

    StationingQueries(JdbcClient jdbc, Places places, ZonePlaces zones, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.zones = zones;
        this.clock = clock;
    }

    /** A stationing: level, place, the leader or members (名字（编号）), shifts, who arranged it, when withdrawn. */
    public record Station(long id, String level, String levelLabel, String street, String community, String communityName, String compound,
                          String place, List<String> people, Instant shiftStart, Instant shiftEnd, Instant createdAt, String createdBy,
                          Instant withdrawnAt) {
    }

    /** A shift of a place: staffed (with who) or a gap. */
    public record Cell(boolean staffed, List<String> who) {
    }

    /**
     * A place of the board: its level, its key for the stationing form ({@code LEVEL|code} or {@code COMPOUND|community|name}),
     * names, one cell per shift and how many shifts are gaps.
     */
    public record Row(String key, String level, String levelLabel, String street, String streetName, String community, String communityName,
                      String compound, long households, List<Cell> cells, int gaps) {

        public String place() {
            return switch (level) {
                case "STREET" -> streetName;
                case "COMMUNITY" -> communityName;
                default -> communityName + " " + compound;
            };
        }
    }

    /** The coverage board: nine shifts from {@code from}, the places (gaps first), and the counts for the current shift. */
    public record Board(long emergency, String name, boolean active, Instant from, Instant until, List<Shifts.Shift> shifts, List<Row> rows,
                        int places, Integer gapsNow, Integer staffedNow) {

        /**
         * The rows of one street (its code) and/or only those with a gap, for a phone; the counts stay the zone's. A
         * district-wide zone has some 1,600 places.
         */
        public Board only(String street, boolean gaps) {
            String code = street == null || street.isBlank() ? null : street.trim();
            if (code == null && !gaps) {
                return this;
            }
            List<Row> kept = rows.stream().filter(r -> code == null || code.equals(r.street())).filter(r -> !gaps || r.gaps() > 0).toList();
            return new Board(emergency, name, active, from, until, shifts, kept, places, gapsNow, staffedNow);
        }

        /** The streets of the board's rows (code and name), in the order they first appear. */
        public Map<String, String> streets() {
            Map<String, String> streets = new java.util.TreeMap<>();
            rows.forEach(r -> streets.putIfAbsent(r.street(), r.streetName()));
            return streets;
        }
    }

    public record Cadre(String kind, String code, String name, long stationings) {
    }

    public record Covered(String code, String name, String street, long stationings) {
    }

    private static final String STATION = """
            SELECT s.id, s.level, st.code AS street, c.code AS community, c.name AS community_name, s.compound, st.name AS street_name,
                   l.name AS leader, l.code AS leader_code, m.name AS member, m.code AS member_code, s.shift_start, s.shift_end,
                   s.created_at, s.created_by, s.withdrawn_at
            FROM stationing s JOIN street st ON st.id = s.street_id LEFT JOIN community c ON c.id = s.community_id
            LEFT JOIN leader l ON l.id = s.leader_id LEFT JOIN stationing_member sm ON sm.stationing_id = s.id
            LEFT JOIN member m ON m.id = sm.member_id""";

    /** The emergency's stationings the reader sees, latest shifts first, withdrawn ones included; one row per person joined. */
    public PageResult<Station> stationings(CurrentUser user, long emergencyId, PageQuery page) {
        places.requireVisible(user, emergencyId);
        SqlClause visible = visible(user);
        String where = " WHERE s.emergency_id = :e AND " + visible.sql();
        long total = jdbc.sql("SELECT COUNT(*) FROM stationing s" + where).param("e", emergencyId).params(visible.params())
                .query(Long.class).single();
        List<Station> rows = stations(jdbc.sql(STATION + " WHERE s.id IN (SELECT s.id FROM stationing s" + where
                        + " ORDER BY s.shift_start DESC, s.id DESC LIMIT :limit OFFSET :offset) ORDER BY s.shift_start DESC, s.id DESC, m.code")
                .param("e", emergencyId).params(visible.params()).param("limit", page.size()).param("offset", page.offset()));
        return PageResult.of(rows, page, total);
    }

    /**
     * The board of the nine shifts from the one under way at {@code from} (now when not given: an ISO instant or date):
     * every street the zone touches, every zone community, every compound of the zone, each shift staffed when a
     * stationing of the place's level covers it whole. Readers below the committee see the rows of their communities.
     */
    /** The stationings a reader sees; a member sees none (the board names cadres a member would not see). */
    private SqlClause visible(CurrentUser user) {
        return user.role() == org.ronghe.platform.Role.MEMBER ? SqlClause.FALSE : ZonePlaces.stationings(places.scope(user), "s");
    }

    public Board coverage(CurrentUser user, long emergencyId, String from) {
        if (user.role() == org.ronghe.platform.Role.MEMBER) {
            throw new org.springframework.security.access.AccessDeniedException("驻点与值守覆盖只向组织者、工作人员和区领导显示");
        }
        places.requireVisible(user, emergencyId);
        ZoneId zoneId = clock.getZone();
        Instant now = clock.instant();
        List<Shifts.Shift> shifts = Shifts.board(from(from, now, zoneId), now, zoneId);
        Instant start = shifts.get(0).start();
        Instant until = shifts.get(shifts.size() - 1).end();
        record Head(String name, String state) {
        }
        Head head = jdbc.sql("SELECT name, state FROM emergency WHERE id = :e").param("e", emergencyId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2))).single();
        ZonePlaces.Zone zone = zones.of(emergencyId);
        DataScope scope = places.scope(user);

        // Who holds each place in the window: one query over the stationings overlapping it, a row per person.
        Map<Long, Held> held = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.id, s.level, s.street_id, s.community_id, s.compound, s.shift_start, s.shift_end, l.name, m.name
                        FROM stationing s LEFT JOIN leader l ON l.id = s.leader_id LEFT JOIN stationing_member sm ON sm.stationing_id = s.id
                        LEFT JOIN member m ON m.id = sm.member_id
                        WHERE s.emergency_id = :e AND s.withdrawn_at IS NULL AND s.shift_start < :until AND s.shift_end > :from
                        ORDER BY s.id, m.name""")
                .param("e", emergencyId).param("from", Emergencies.at(start)).param("until", Emergencies.at(until))
                .query((rs, n) -> {
                    Held h = held.get(rs.getLong(1));
                    if (h == null) {
                        String key = switch (rs.getString(2)) {
                            case "STREET" -> "STREET|" + rs.getLong(3);
                            case "COMMUNITY" -> "COMMUNITY|" + rs.getLong(4);
                            default -> "COMPOUND|" + rs.getLong(4) + "|" + rs.getString(5);
                        };
                        h = new Held(key, Emergencies.instant(rs, "shift_start"), Emergencies.instant(rs, "shift_end"), new ArrayList<>());
                        held.put(rs.getLong(1), h);
                    }
                    String person = rs.getString(8) != null ? rs.getString(8) : rs.getString(9);
                    if (person != null) {
                        h.people().add(person);
                    }
                    return h;
                }).list();
        Map<String, List<Held>> byPlace = new HashMap<>();
        held.values().forEach(h -> byPlace.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h));

        List<Row> rows = new ArrayList<>();
        for (ZonePlaces.Street s : zone.streets()) {
            if (ZonePlaces.sees(scope, zone, s)) {
                rows.add(row("STREET|" + s.id(), StationLevel.STREET, s, null, null, 0, shifts, byPlace));
            }
        }
        for (ZonePlaces.Community c : zone.communities()) {
            if (scope.seesCommunity(c.id())) {
                rows.add(row("COMMUNITY|" + c.id(), StationLevel.COMMUNITY, c.street(), c, null, 0, shifts, byPlace));
            }
        }
        for (ZonePlaces.Compound c : zone.compounds()) {
            if (scope.seesCommunity(c.community().id())) {
                rows.add(row("COMPOUND|" + c.community().id() + "|" + c.name(), StationLevel.COMPOUND, c.community().street(), c.community(),
                        c.name(), c.households(), shifts, byPlace));
            }
        }
        rows.sort(Comparator.comparingInt(Row::gaps).reversed()
                .thenComparing(Row::streetName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Row::communityName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Row::compound, Comparator.nullsFirst(Comparator.naturalOrder())));
        // Another 72 hours than the present ones has no current shift: no "now" counts then.
        Integer current = shifts.stream().filter(Shifts.Shift::current).findFirst().map(Shifts.Shift::index).orElse(null);
        Integer staffedNow = current == null ? null : (int) rows.stream().filter(r -> r.cells().get(current).staffed()).count();
        return new Board(emergencyId, head.name(), "ACTIVE".equals(head.state()), start, until, shifts, rows, rows.size(),
                staffedNow == null ? null : rows.size() - staffedNow, staffedNow);
    }

    /** A stationing overlapping the board's window: its place key, its shifts and its people. */
    private record Held(String key, Instant start, Instant end, List<String> people) {
    }

    private static Row row(String key, StationLevel level, ZonePlaces.Street street, ZonePlaces.Community community, String compound,
                           long households, List<Shifts.Shift> shifts, Map<String, List<Held>> byPlace) {
        List<Held> holders = byPlace.getOrDefault(key, List.of());
        List<Cell> cells = new ArrayList<>(shifts.size());
        int gaps = 0;
        for (Shifts.Shift shift : shifts) {
            List<String> who = new ArrayList<>();
            for (Held h : holders) {
                if (!h.start().isAfter(shift.start()) && !h.end().isBefore(shift.end())) {
                    h.people().stream().filter(p -> !who.contains(p)).forEach(who::add);
                }
            }
            boolean staffed = !who.isEmpty();
            gaps += staffed ? 0 : 1;
            cells.add(new Cell(staffed, who));
        }
        String publicKey = switch (level) {
            case STREET -> "STREET|" + street.code();
            case COMMUNITY -> "COMMUNITY|" + community.code();
            case COMPOUND -> "COMPOUND|" + community.code() + "|" + compound;
        };
        return new Row(publicKey, level.name(), level.label(), street.code(), street.name(), community == null ? null : community.code(),
                community == null ? null : community.name(), compound, households, cells, gaps);
    }

    /** Distinct people (district leaders and members) with a stationing not withdrawn, among the stationings the reader sees. */
    public PageResult<Cadre> cadres(CurrentUser user, PageQuery page) {
        SqlClause visible = visible(user);
        String union = """
                SELECT 'LEADER' AS kind, l.code AS code, l.name AS name, COUNT(*) AS stationings FROM stationing s
                JOIN leader l ON l.id = s.leader_id WHERE s.withdrawn_at IS NULL AND %1$s GROUP BY l.code, l.name
                UNION ALL
                SELECT 'MEMBER' AS kind, m.code AS code, m.name AS name, COUNT(*) AS stationings FROM stationing s
                JOIN stationing_member sm ON sm.stationing_id = s.id JOIN member m ON m.id = sm.member_id
                WHERE s.withdrawn_at IS NULL AND %1$s GROUP BY m.code, m.name""".formatted(visible.sql());
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + union + ") x").params(visible.params()).query(Long.class).single();
        List<Cadre> rows = jdbc.sql("SELECT kind, code, name, stationings FROM (" + union + ") x ORDER BY kind, code LIMIT :limit OFFSET :offset")
                .params(visible.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Cadre(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        return PageResult.of(rows, page, total);
    }

    /** Distinct communities with a division-level cadre's stationing not withdrawn, among those the reader sees. */
    public PageResult<Covered> covered(CurrentUser user, PageQuery page) {
        SqlClause visible = visible(user);
        String where = " WHERE s.level = 'COMMUNITY' AND s.withdrawn_at IS NULL AND " + visible.sql();
        long total = jdbc.sql("SELECT COUNT(DISTINCT s.community_id) FROM stationing s" + where).params(visible.params())
                .query(Long.class).single();
        List<Covered> rows = jdbc.sql("SELECT c.code, c.name, st.name, COUNT(*) FROM stationing s JOIN community c ON c.id = s.community_id"
                        + " JOIN street st ON st.id = c.street_id" + where + " GROUP BY c.code, c.name, st.name ORDER BY c.code"
                        + " LIMIT :limit OFFSET :offset")
                .params(visible.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Covered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        return PageResult.of(rows, page, total);
    }

    private List<Station> stations(JdbcClient.StatementSpec spec) {
        Map<Long, Station> stations = new LinkedHashMap<>();
        spec.query((rs, n) -> {
            long id = rs.getLong("id");
            Station s = stations.get(id);
            if (s == null) {
                StationLevel level = StationLevel.valueOf(rs.getString("level"));
                String place = switch (level) {
                    case STREET -> rs.getString("street_name");
                    case COMMUNITY -> rs.getString("community_name");
                    case COMPOUND -> rs.getString("community_name") + " " + rs.getString("compound");
                };
                s = new Station(id, level.name(), level.label(), rs.getString("street"), rs.getString("community"),
                        rs.getString("community_name"), rs.getString("compound"), place, new ArrayList<>(),
                        Emergencies.instant(rs, "shift_start"), Emergencies.instant(rs, "shift_end"), Emergencies.instant(rs, "created_at"),
                        rs.getString("created_by"), Emergencies.instant(rs, "withdrawn_at"));
                stations.put(id, s);
            }
            if (rs.getString("leader") != null) {
                s.people().add(rs.getString("leader") + "（" + rs.getString("leader_code") + "）");
            }
            if (rs.getString("member") != null) {
                s.people().add(rs.getString("member") + "（" + rs.getString("member_code") + "）");
            }
            return s;
        }).list();
        return List.copyOf(stations.values());
    }

    /** The board's start: the shift under way at an ISO instant or at the start of an ISO date, now when not given. */
    static Instant from(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = text.trim().length() == 10 ? LocalDate.parse(text.trim()).atStartOfDay(zone).toInstant() : Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("from 应为 ISO 8601 时刻或日期，例如 2026-05-21T08:00:00Z 或 2026-05-21");
        }
        if (at.isBefore(Emergency.EARLIEST) || at.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
            throw new IllegalArgumentException("from 应在 2000 年至 2099 年之间");
        }
        return at;
    }
}
