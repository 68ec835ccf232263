package org.ronghe.emergency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * An emergency (应急状态): declared by the committee, active until it is stood down. While active its zone and its
 * command structure change, each change an event; after stand-down it refuses every change (409) and keeps every
 * record. Plain Java: each step is given its instant and registers its past-tense event.
 */
public class Emergency {

    public static final int NAME_LENGTH = 200;
    public static final int CODE_LENGTH = 32;
    public static final int KEY_LENGTH = 100;
    /** No emergency the platform records began before the district kept records in it. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** ACTIVE until stood down. */
    public enum State {
        ACTIVE, STOOD_DOWN
    }

    /** An area of the zone: a whole community (grid {@code null}) or one of its grids, sealed or controlled. */
    public record Area(long communityId, Long gridId, Control control) {
    }

    /** What a zone change does to the stored areas: those that end and those that begin. */
    public record ZoneChange(Set<Area> ended, Set<Area> added) {
        public boolean none() {
            return ended.isEmpty() && added.isEmpty();
        }
    }

    /** An event of the emergency, stored in the step's transaction. */
    public record Event(String kind, Instant at, String actor, String detail) {
    }

    private Long id;
    private final String code;
    private final String name;
    private final EmergencyKind kind;
    private State state;
    private final Instant startedAt;
    private final Instant declaredAt;
    private final String declaredBy;
    private Instant stoodDownAt;
    private String stoodDownBy;
    private final String idempotencyKey;
    private final int version;
    private final List<Event> events = new ArrayList<>();

    public Emergency(Long id, int version, String code, String name, EmergencyKind kind, State state, Instant startedAt,
                     Instant declaredAt, String declaredBy, Instant stoodDownAt, String stoodDownBy, String idempotencyKey) {
        this.id = id;
        this.version = version;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.state = state;
        this.startedAt = startedAt;
        this.declaredAt = declaredAt;
        this.declaredBy = declaredBy;
        this.stoodDownAt = stoodDownAt;
        this.stoodDownBy = stoodDownBy;
        this.idempotencyKey = idempotencyKey;
    }

    /** Declares an emergency that started at {@code startedAt} (not in the future; now when not given). */
    public static Emergency declare(String code, String name, EmergencyKind kind, Instant startedAt, String actor, String key,
                                    Instant now) {
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请填写应急事件编码（code）");
        }
        Texts.check("应急事件编码", code.trim(), CODE_LENGTH);
        if (!code.trim().matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("应急事件编码（code）只能由字母、数字、连字符和下划线组成");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请填写应急事件名称（name）");
        }
        Texts.check("应急事件名称", name.trim(), NAME_LENGTH);
        Instant start = startedAt == null ? now : startedAt;
        if (start.isAfter(now)) {
            throw new IllegalArgumentException("开始时间（startedAt）不能晚于现在");
        }
        if (start.isBefore(EARLIEST)) {
            throw new IllegalArgumentException("开始时间（startedAt）不能早于 2000 年");
        }
        Emergency emergency = new Emergency(null, 0, code.trim(), name.trim(), kind, State.ACTIVE, start, now, actor, null, null, key);
        emergency.events.add(new Event("DECLARED", now, actor, kind.label() + "：" + emergency.name));
        return emergency;
    }

    /**
     * Sets the zone to {@code wanted}: areas no longer wanted (or wanted under another control) end, new ones begin.
     * An area names a community once: either the whole community or some of its grids.
     */
    public ZoneChange rezone(Collection<Area> current, Collection<Area> wanted, String actor, Instant now) {
        requireActive();
        Set<Long> whole = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Area area : wanted) {
            if (!seen.add(area.communityId() + "/" + area.gridId())) {
                throw new IllegalArgumentException("同一社区或网格在范围中只能出现一次");
            }
            if (area.gridId() == null) {
                whole.add(area.communityId());
            }
        }
        for (Area area : wanted) {
            if (area.gridId() != null && whole.contains(area.communityId())) {
                throw new IllegalArgumentException("已整体纳入范围的社区不能再单列其网格");
            }
        }
        Set<Area> ended = new LinkedHashSet<>(current);
        ended.removeAll(Set.copyOf(wanted));
        Set<Area> added = new LinkedHashSet<>(wanted);
        added.removeAll(Set.copyOf(current));
        ZoneChange change = new ZoneChange(ended, added);
        if (!change.none()) {
            events.add(new Event("ZONE_CHANGED", now, actor, "范围：新增 " + added.size() + " 处，解除或调整 " + ended.size() + " 处"));
        }
        return change;
    }

    /** Assigns a member to the command structure (a commander replaces the one before). */
    public void assign(CommandRole role, String groupName, String memberName, String actor, Instant now) {
        requireActive();
        if (role == CommandRole.GROUP && (groupName == null || groupName.isBlank())) {
            throw new IllegalArgumentException("工作组须有名称（group）");
        }
        events.add(new Event("COMMAND_ASSIGNED", now, actor,
                role.label() + (role == CommandRole.GROUP ? "「" + groupName.trim() + "」组长" : "") + "：" + memberName));
    }

    /** Records a step on something hanging off the emergency (a branch, a team, a call-up), which only an active one takes. */
    public void record(String kind, String detail, String actor, Instant now) {
        requireActive();
        events.add(new Event(kind, now, actor, detail));
    }

    /** Ends the emergency, once. */
    public void standDown(String actor, Instant now) {
        requireActive();
        state = State.STOOD_DOWN;
        stoodDownAt = now;
        stoodDownBy = actor;
        events.add(new Event("STOOD_DOWN", now, actor, "应急状态解除"));
    }

    public void requireActive() {
        if (state != State.ACTIVE) {
            throw new ConflictException("应急状态「" + name + "」已于 " + stoodDownAt + " 解除，不再接受任何变更",
                    Map.of("emergency", code, "state", state.name()));
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public void written() {
        events.clear();
    }

    public void assignIdentity(long id) {
        this.id = id;
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public EmergencyKind kind() {
        return kind;
    }

    public State state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public String declaredBy() {
        return declaredBy;
    }

    public Instant stoodDownAt() {
        return stoodDownAt;
    }

    public String stoodDownBy() {
        return stoodDownBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
