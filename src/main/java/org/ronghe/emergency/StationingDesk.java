package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.directory.DataScope;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stations district leaders at the zone's streets, division-level cadres at its communities and three-person teams
 * at its compounds, by shift, and withdraws them. Each step locks the active emergency and the people stationed (so
 * the same person is never put at two places for overlapping shifts, whichever emergency), and writes the rows, the
 * event and the audit entry in one transaction.
 */
@Service
public class StationingDesk {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Emergencies emergencies;
    private final Places places;
    private final ZonePlaces zones;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    StationingDesk(Emergencies emergencies, Places places, ZonePlaces zones, JdbcClient jdbc, Audit audit, Clock clock,
                   TransactionTemplate transactions) {
        this.emergencies = emergencies;
        this.places = places;
        this.zones = zones;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A stationing as asked: the level (STREET, COMMUNITY, COMPOUND), the place (street code; community code; community
     * code and compound name), the district leader (leader code, streets) or the members (member codes: one cadre for a
     * community, three for a compound), and the shifts from shiftStart to shiftEnd (ISO instants on shift boundaries).
     */
    public record StationingRequest(String level, String street, String community, String compound, String leader, List<String> members,
                                    String shiftStart, String shiftEnd) {
    }

    private record Person(long id, String code, String name) {
    }

    private record Place(StationLevel level, long streetId, Long communityId, String compound, String label) {
    }

    public EmergencyDesk.Created station(CurrentUser user, long emergencyId, StationingRequest r, String idempotencyKey) {
        Places.organiser(user, "安排驻点");
        places.requireVisible(user, emergencyId);
        String key = OrganisationDesk.key(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = jdbc.sql("SELECT id FROM stationing WHERE created_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key).query(Long.class).optional();
            if (existing.isPresent()) {
                return new EmergencyDesk.Created(existing.get(), true);
            }
        }
        if (r == null) {
            throw new IllegalArgumentException("请填写驻点安排");
        }
        StationLevel level = Parse.required(StationLevel.class, "level", "驻点层级", r.level());
        Place place = place(user, emergencyId, level, r);
        Person leader = level == StationLevel.STREET && r.leader() != null && !r.leader().isBlank() ? leader(user, r.leader()) : null;
        if (level != StationLevel.STREET && r.leader() != null && !r.leader().isBlank()) {
            throw new IllegalArgumentException("区领导只驻点街道；驻点社区、小区的请填写党员（members）");
        }
        List<Person> members = members(user, r.members());
        Set<Long> memberIds = new LinkedHashSet<>(members.stream().map(Person::id).toList());
        Instant start = EmergencyDesk.instant(r.shiftStart(), "shiftStart");
        Instant end = EmergencyDesk.instant(r.shiftEnd(), "shiftEnd");
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Stationing.plan(level, leader == null ? null : leader.id(), memberIds, members.size(), start, end, now, zone);
        List<Person> people = leader != null ? List.of(leader) : members;
        String who = String.join("、", people.stream().map(Person::name).toList());
        try {
            return new EmergencyDesk.Created(transactions.execute(status -> {
                Emergency emergency = emergencies.lock(emergencyId);
                emergency.record("STATIONED", level.label() + "：" + place.label() + "，" + who + "，" + shown(start, zone) + " 至 "
                        + shown(end, zone), user.username(), now);
                Stationing.within(emergency, start, zone);
                refuseOverlap(leader, memberIds, start, end, zone);
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO stationing (emergency_id, level, street_id, community_id, compound, leader_id, shift_start,
                                    shift_end, created_at, created_by, idempotency_key)
                                VALUES (:e, :level, :street, :community, :compound, :leader, :start, :end, :now, :by, :key)""")
                        .param("e", emergencyId).param("level", level.name()).param("street", place.streetId())
                        .param("community", place.communityId()).param("compound", place.compound())
                        .param("leader", leader == null ? null : leader.id()).param("start", Emergencies.at(start))
                        .param("end", Emergencies.at(end)).param("now", Emergencies.at(now)).param("by", user.username())
                        .param("key", key).update(keys, "id");
                long id = keys.getKey().longValue();
                if (!memberIds.isEmpty()) {
                    jdbc.sql("INSERT INTO stationing_member (stationing_id, member_id) SELECT :s, m.id FROM member m WHERE m.id IN (:ids)")
                            .param("s", id).param("ids", memberIds).update();
                }
                emergencies.writeEvents(emergency);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("emergency", emergency.code());
                after.put("level", level.name());
                after.put("place", place.label());
                after.put("people", people.stream().map(Person::code).toList());
                after.put("shiftStart", start.toString());
                after.put("shiftEnd", end.toString());
                audit.record(Audit.Entry.change("STATIONED", "stationing", String.valueOf(id), null, after));
                return id;
            }), false);
        } catch (DuplicateKeyException raced) {
            return new EmergencyDesk.Created(jdbc.sql("SELECT id FROM stationing WHERE created_by = :a AND idempotency_key = :k")
                    .param("a", user.username()).param("k", key == null ? "" : key).query(Long.class).single(), true);
        }
    }

    /**
     * A district leader's stationing at a street is the committee's or that street's staff's to arrange: an organ
     * secretary sees the streets of the communities their organ is paired with, but does not direct district leaders.
     */
    private static void arrangesStreet(CurrentUser user) {
        if (user.role() != org.ronghe.platform.Role.COMMITTEE_ADMIN && user.role() != org.ronghe.platform.Role.STREET_STAFF) {
            throw new org.springframework.security.access.AccessDeniedException("区领导驻点街道由区直机关工委或该街道工作人员安排");
        }
    }

    /** Ends a stationing early: its shifts open again on the board; the row stays with who withdrew it and when. */
    public void withdraw(CurrentUser user, long emergencyId, long stationingId) {
        Places.organiser(user, "撤回驻点");
        places.requireVisible(user, emergencyId);
        record Row(String level, long street, Long community, String compound, Instant withdrawnAt) {
        }
        Row row = jdbc.sql("SELECT level, street_id, community_id, compound, withdrawn_at FROM stationing WHERE id = :s AND emergency_id = :e")
                .param("s", stationingId).param("e", emergencyId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                        Emergencies.instant(rs, "withdrawn_at")))
                .optional().orElseThrow(() -> new NotFoundException("驻点", String.valueOf(stationingId)));
        DataScope scope = places.scope(user);
        boolean inScope = row.community() == null ? scope.seesStreet(row.street()) : scope.seesCommunity(row.community());
        if (!inScope) {
            throw new OutOfScopeException("驻点", String.valueOf(stationingId));
        }
        if (row.community() == null) {
            arrangesStreet(user);
        }
        Instant now = clock.instant();
        String label = StationLevel.valueOf(row.level()).label() + (row.compound() == null ? "" : "「" + row.compound() + "」");
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            emergency.requireActive();
            new Stationing(stationingId, label, row.withdrawnAt()).withdraw();
            int changed = jdbc.sql("UPDATE stationing SET withdrawn_at = :now, withdrawn_by = :by WHERE id = :s AND withdrawn_at IS NULL")
                    .param("now", Emergencies.at(now)).param("by", user.username()).param("s", stationingId).update();
            if (changed == 0) {
                throw new ConflictException("驻点已被他人同时撤回，请刷新", Map.of("stationing", stationingId));
            }
            emergency.record("STATIONING_WITHDRAWN", label + " 驻点 " + stationingId + " 撤回", user.username(), now);
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("STATIONING_WITHDRAWN", "stationing", String.valueOf(stationingId), Map.of("withdrawn", false),
                    Map.of("withdrawn", true)));
        });
    }

    /** The place, which must lie in the zone and in the organiser's scope. */
    private Place place(CurrentUser user, long emergencyId, StationLevel level, StationingRequest r) {
        ZonePlaces.Zone zone = zones.of(emergencyId, level == StationLevel.COMPOUND && r.community() != null ? r.community().trim() : "");
        DataScope scope = places.scope(user);
        switch (level) {
            case STREET -> {
                String code = required(r.street(), "street", "街道编码");
                ZonePlaces.Street street = zone.street(code);
                if (street == null) {
                    throw new IllegalArgumentException("街道不在应急范围内（street）：" + org.ronghe.platform.Texts.check("街道编码", code, 32));
                }
                if (!scope.seesStreet(street.id())) {
                    throw new OutOfScopeException("街道", code);
                }
                arrangesStreet(user);
                return new Place(level, street.id(), null, null, street.name());
            }
            case COMMUNITY -> {
                ZonePlaces.Community community = community(zone, scope, r.community());
                return new Place(level, community.street().id(), community.id(), null, community.name());
            }
            default -> {
                ZonePlaces.Community community = community(zone, scope, r.community());
                String name = required(r.compound(), "compound", "小区名称");
                ZonePlaces.Compound compound = zone.compound(community.code(), name);
                if (compound == null) {
                    throw new IllegalArgumentException("住户登记中没有应急范围内的这个小区（compound）：" + community.name() + " "
                            + org.ronghe.platform.Texts.check("小区名称", name, 100));
                }
                return new Place(level, community.street().id(), community.id(), compound.name(), community.name() + " " + compound.name());
            }
        }
    }

    private static ZonePlaces.Community community(ZonePlaces.Zone zone, DataScope scope, String text) {
        String code = required(text, "community", "社区编码");
        ZonePlaces.Community community = zone.community(code);
        if (community == null) {
            throw new IllegalArgumentException("社区不在应急范围内（community）：" + org.ronghe.platform.Texts.check("社区编码", code, 32));
        }
        if (!scope.seesCommunity(community.id())) {
            throw new OutOfScopeException("社区", code);
        }
        return community;
    }

    private Person leader(CurrentUser user, String code) {
        Person leader = jdbc.sql("SELECT id, code, name FROM leader WHERE code = :c").param("c", code.trim())
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new IllegalArgumentException("区领导编码不存在（leader）：" + org.ronghe.platform.Texts.check("区领导编码", code.trim(), 32)));
        if (!places.scope(user).seesLeader(leader.id())) {
            throw new OutOfScopeException("区领导", leader.code());
        }
        return leader;
    }

    private List<Person> members(CurrentUser user, List<String> codes) {
        List<Person> people = new ArrayList<>();
        if (codes == null) {
            return people;
        }
        if (codes.size() > 3) {
            throw new IllegalArgumentException("驻点最多三名党员（members）");
        }
        for (String code : new ArrayList<>(codes)) {
            Places.Member m = places.memberInScope(user, code, "members");
            people.add(new Person(m.id(), m.code(), m.name()));
        }
        return people;
    }

    /** Locks the people's rows, then refuses a stationing that overlaps one of theirs anywhere (409). */
    private void refuseOverlap(Person leader, Set<Long> members, Instant start, Instant end, ZoneId zone) {
        record Clash(String person, String level, String street, String community, String compound, Instant start, Instant end) {
        }
        String select = """
                SELECT %s, s.level, st.name AS street, c.name AS community, s.compound, s.shift_start, s.shift_end
                FROM stationing s JOIN street st ON st.id = s.street_id LEFT JOIN community c ON c.id = s.community_id %s
                WHERE s.withdrawn_at IS NULL AND s.shift_start < :end AND s.shift_end > :start AND %s ORDER BY s.shift_start""";
        List<Clash> clashes;
        if (leader != null) {
            jdbc.sql("SELECT id FROM leader WHERE id = :l FOR UPDATE").param("l", leader.id()).query(Long.class).list();
            clashes = jdbc.sql(select.formatted("l.name", "JOIN leader l ON l.id = s.leader_id", "s.leader_id = :l"))
                    .param("l", leader.id()).param("start", Emergencies.at(start)).param("end", Emergencies.at(end))
                    .query((rs, n) -> new Clash(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Emergencies.instant(rs, "shift_start"), Emergencies.instant(rs, "shift_end"))).list();
        } else {
            jdbc.sql("SELECT id FROM member WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", members).query(Long.class).list();
            clashes = jdbc.sql(select.formatted("m.name", "JOIN stationing_member sm ON sm.stationing_id = s.id JOIN member m ON m.id = sm.member_id",
                            "sm.member_id IN (:ids)"))
                    .param("ids", members).param("start", Emergencies.at(start)).param("end", Emergencies.at(end))
                    .query((rs, n) -> new Clash(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Emergencies.instant(rs, "shift_start"), Emergencies.instant(rs, "shift_end"))).list();
        }
        if (!clashes.isEmpty()) {
            Clash c = clashes.get(0);
            String where = switch (StationLevel.valueOf(c.level())) {
                case STREET -> c.street();
                case COMMUNITY -> c.community();
                case COMPOUND -> c.community() + " " + c.compound();
            };
            throw new ConflictException("「" + c.person() + "」" + shown(c.start(), zone) + " 至 " + shown(c.end(), zone) + " 已驻点「" + where
                    + "」，同一人不能在重叠的班次驻点两处", Map.of("person", c.person()));
        }
    }

    private static String required(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写" + label + "（" + field + "）");
        }
        return text.trim();
    }

    private static String shown(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }
}
