package org.ronghe.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.directory.TemporaryBranches;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee declares an emergency, sets its zone and command structure and stands it down. Each step locks the
 * emergency, applies the aggregate's guarded transition, writes rows, events and the audit entry in one transaction.
 */
@Service
public class EmergencyDesk {

    private final Emergencies emergencies;
    private final Places places;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TemporaryBranches branches;

    EmergencyDesk(Emergencies emergencies, Places places, JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions,
                  TemporaryBranches branches) {
        this.emergencies = emergencies;
        this.places = places;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.branches = branches;
    }

    public record Created(long id, boolean replayed) {
    }

    /** An emergency as declared: code, name, kind, optionally its start (ISO instant) and its zone. */
    public record Declaration(String code, String name, String kind, String startedAt, List<AreaRequest> zone) {
    }

    /** An area of the zone: a community code, optionally one of its grids' codes, and SEALED or CONTROLLED. */
    public record AreaRequest(String community, String grid, String control) {
    }

    public record Zone(List<AreaRequest> areas) {
    }

    /** A place in the command structure: COMMANDER, DEPUTY or GROUP (with its name and duties), held by a member. */
    public record CommandRequest(String role, String group, String duties, String member) {
    }

    public Created declare(CurrentUser user, Declaration request, String idempotencyKey) {
        Places.committeeOnly(user, "宣布进入应急状态");
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            var existing = emergencies.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null) {
            throw new IllegalArgumentException("请填写应急事件");
        }
        Instant now = clock.instant();
        Emergency emergency = Emergency.declare(request.code(), request.name(),
                Parse.required(EmergencyKind.class, "kind", "应急类型", request.kind()), instant(request.startedAt(), "startedAt"),
                user.username(), key, now);
        List<Emergency.Area> zone = request.zone() == null ? List.of() : areas(request.zone());
        if (emergencies.codeTaken(emergency.code())) {
            throw new ConflictException("应急事件编码已被使用：" + emergency.code(), Map.of("code", emergency.code()));
        }
        try {
            return new Created(transactions.execute(status -> {
                emergencies.insert(emergency);
                Emergency.ZoneChange change = emergency.rezone(List.of(), zone, user.username(), now);
                emergencies.apply(emergency.id(), change, now);
                emergencies.writeEvents(emergency);
                audit.record(Audit.Entry.change("EMERGENCY_DECLARED", "emergency", emergency.code(), null,
                        Map.of("name", emergency.name(), "kind", emergency.kind().name(), "areas", zone.size())));
                return emergency.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return emergencies.idForKey(user.username(), key == null ? "" : key).map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException("应急事件编码已被使用：" + emergency.code(), Map.of("code", emergency.code())));
        }
    }

    /** Sets the whole zone (areas left out are released). */
    public void rezone(CurrentUser user, long id, Zone request) {
        Places.committeeOnly(user, "调整应急范围");
        if (request == null || request.areas() == null) {
            throw new IllegalArgumentException("请列出范围（areas）");
        }
        List<Emergency.Area> wanted = areas(request.areas());
        setZone(user, id, current -> wanted);
    }

    /** Adds areas to the zone or changes their control, keeping the rest. */
    public void extendZone(CurrentUser user, long id, Zone request) {
        Places.committeeOnly(user, "调整应急范围");
        if (request == null || request.areas() == null || request.areas().isEmpty()) {
            throw new IllegalArgumentException("请列出要纳入或调整的范围（areas）");
        }
        List<Emergency.Area> changed = areas(request.areas());
        setZone(user, id, current -> {
            List<Emergency.Area> wanted = new ArrayList<>(current.stream()
                    .filter(a -> changed.stream().noneMatch(c -> c.communityId() == a.communityId()
                            && java.util.Objects.equals(c.gridId(), a.gridId())))
                    .toList());
            wanted.addAll(changed);
            return wanted;
        });
    }

    private void setZone(CurrentUser user, long id, java.util.function.UnaryOperator<List<Emergency.Area>> change) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(id);
            List<Emergency.Area> current = emergencies.zone(id);
            List<Emergency.Area> wanted = change.apply(current);
            Emergency.ZoneChange applied = emergency.rezone(current, wanted, user.username(), now);
            emergencies.apply(id, applied, now);
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("EMERGENCY_ZONE_CHANGED", "emergency", emergency.code(), Map.of("areas", current.size()),
                    Map.of("areas", wanted.size(), "added", applied.added().size(), "ended", applied.ended().size())));
        });
    }

    public void assign(CurrentUser user, long id, CommandRequest request) {
        Places.committeeOnly(user, "调整指挥体系");
        if (request == null) {
            throw new IllegalArgumentException("请填写指挥体系中的职务");
        }
        CommandRole role = Parse.required(CommandRole.class, "role", "职务", request.role());
        String group = org.ronghe.platform.Texts.check("工作组名称", request.group() == null ? null : request.group().trim(), 100);
        String duties = org.ronghe.platform.Texts.check("职责", request.duties() == null ? null : request.duties().trim(), 500);
        Places.Member member = places.member(request.member(), "member");
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(id);
            emergency.assign(role, group, member.name(), user.username(), now);
            if (role == CommandRole.COMMANDER) {
                jdbc.sql("UPDATE emergency_command SET ended_at = :now WHERE emergency_id = :e AND role = 'COMMANDER' AND ended_at IS NULL")
                        .param("now", Emergencies.at(now)).param("e", id).update();
            } else if (role == CommandRole.GROUP) {
                jdbc.sql("UPDATE emergency_command SET ended_at = :now WHERE emergency_id = :e AND role = 'GROUP' AND group_name = :g AND ended_at IS NULL")
                        .param("now", Emergencies.at(now)).param("e", id).param("g", group).update();
            }
            jdbc.sql("""
                            INSERT INTO emergency_command (emergency_id, role, group_name, duties, member_id, assigned_at, assigned_by)
                            VALUES (:e, :r, :g, :d, :m, :now, :by)""")
                    .param("e", id).param("r", role.name()).param("g", role == CommandRole.GROUP ? group : null).param("d", duties)
                    .param("m", member.id()).param("now", Emergencies.at(now)).param("by", user.username()).update();
            emergencies.writeEvents(emergency);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("role", role.name());
            after.put("member", member.code());
            if (group != null) {
                after.put("group", group);
            }
            audit.record(Audit.Entry.change("EMERGENCY_COMMAND_ASSIGNED", "emergency", emergency.code(), null, after));
        });
    }

    /** Ends the emergency; its temporary branches dissolve (approved ones in the directory too), every record stays. */
    public void standDown(CurrentUser user, long id) {
        Places.committeeOnly(user, "解除应急状态");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(id);
            emergency.standDown(user.username(), now);
            record Open(long id, String state, Long partyOrg) {
            }
            List<Open> open = jdbc.sql("SELECT id, state, party_org_id FROM temporary_branch WHERE emergency_id = :e AND state <> 'DISSOLVED'")
                    .param("e", id).query((rs, n) -> new Open(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).list();
            for (Open branch : open) {
                if (branch.partyOrg() != null) {
                    branches.dissolve(branch.partyOrg(), today);
                }
            }
            jdbc.sql("UPDATE temporary_branch SET state = 'DISSOLVED', dissolved_at = :now, version = version + 1 WHERE emergency_id = :e AND state <> 'DISSOLVED'")
                    .param("now", Emergencies.at(now)).param("e", id).update();
            jdbc.sql("""
                            UPDATE temporary_membership SET left_at = :now WHERE left_at IS NULL
                            AND temporary_branch_id IN (SELECT id FROM temporary_branch WHERE emergency_id = :e)""")
                    .param("now", Emergencies.at(now)).param("e", id).update();
            emergencies.update(emergency);
            audit.record(Audit.Entry.change("EMERGENCY_STOOD_DOWN", "emergency", emergency.code(), Map.of("state", "ACTIVE"),
                    Map.of("state", emergency.state().name(), "branchesDissolved", open.size())));
        });
    }

    private List<Emergency.Area> areas(List<AreaRequest> requests) {
        if (requests.size() > 500) {
            throw new IllegalArgumentException("范围一次最多 500 处");
        }
        List<Emergency.Area> areas = new ArrayList<>();
        for (AreaRequest r : requests) {
            if (r == null) {
                throw new IllegalArgumentException("范围中有空项");
            }
            Control control = Parse.required(Control.class, "control", "管控级别", r.control());
            if (r.community() == null || r.community().isBlank()) {
                throw new IllegalArgumentException("请填写社区编码（community）");
            }
            long community = jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", r.community().trim()).query(Long.class)
                    .optional().orElseThrow(() -> new IllegalArgumentException("社区编码不存在：" + r.community().trim()));
            Long grid = null;
            if (r.grid() != null && !r.grid().isBlank()) {
                grid = jdbc.sql("SELECT id FROM grid WHERE code = :g AND community_id = :c").param("g", r.grid().trim())
                        .param("c", community).query(Long.class).optional()
                        .orElseThrow(() -> new IllegalArgumentException("网格编码不存在或不属于该社区：" + r.grid().trim()));
            }
            areas.add(new Emergency.Area(community, grid, control));
        }
        return areas;
    }

    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " 应为 ISO 8601 时刻，例如 2026-05-21T08:00:00Z");
        }
    }
}
