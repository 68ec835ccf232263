package org.ronghe.emergency;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.ronghe.platform.ConflictException;

/**
 * A stationing (驻点): a district leader at a street, a division-level cadre at a community or a three-person team at
 * a compound, for whole shifts from {@code start} to {@code end} (at most 72 hours, not yet over). Withdrawing ends
 * it once; the row stays. Plain Java: the desk gives it the instants and the people, it guards the rules.
 */
final class Stationing {

    static final Duration LONGEST = Duration.ofHours((long) Shifts.HOURS * Shifts.MOST);
    /** How far ahead a stationing may be planned. */
    static final Duration AHEAD = Duration.ofDays(30);
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final long id;
    private final String place;
    private Instant withdrawnAt;

    Stationing(long id, String place, Instant withdrawnAt) {
        this.id = id;
        this.place = place;
        this.withdrawnAt = withdrawnAt;
    }

    /** Checks a plan: the people a level takes and whole shifts within the limits. */
    static void plan(StationLevel level, Long leader, Set<Long> members, int membersNamed, Instant start, Instant end, Instant now,
                     ZoneId zone) {
        if (level == StationLevel.STREET) {
            if (leader == null) {
                throw new IllegalArgumentException("区领导驻点街道须填写区领导编码（leader）");
            }
            if (membersNamed > 0) {
                throw new IllegalArgumentException("驻点街道的是区领导，不填写党员（members）");
            }
        } else {
            if (leader != null) {
                throw new IllegalArgumentException("区领导只驻点街道；驻点社区、小区的请填写党员（members）");
            }
            if (members.size() != level.members() || membersNamed != level.members()) {
                throw new IllegalArgumentException(level == StationLevel.COMMUNITY ? "处级干部驻点社区须填写一名党员（members）"
                        : "三人小组驻点小区须填写三名不同的党员（members）");
            }
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("请填写驻点班次的开始（shiftStart）和结束（shiftEnd）");
        }
        if (start.isBefore(Emergency.EARLIEST) || end.isBefore(Emergency.EARLIEST) || start.isAfter(LATEST) || end.isAfter(LATEST)) {
            throw new IllegalArgumentException("驻点班次应在 2000 年至 2099 年之间");
        }
        if (!Shifts.aligned(start, zone) || !Shifts.aligned(end, zone)) {
            throw new IllegalArgumentException("驻点按整班安排：开始和结束须为 0 点、8 点或 16 点（" + zone + "）");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("驻点结束（shiftEnd）须晚于开始（shiftStart），至少一个班次");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("一次驻点最长 72 小时（9 个班次）");
        }
        if (start.isAfter(now.plus(AHEAD))) {
            throw new IllegalArgumentException("驻点最多提前 30 天安排");
        }
    }

    /**
     * Shifts already past may be recorded (补录: the board is often filled in after a night's work), but none before the
     * shift in which the emergency began.
     */
    static void within(Emergency emergency, Instant start, ZoneId zone) {
        if (start.isBefore(Shifts.startOf(emergency.startedAt(), zone))) {
            throw new IllegalArgumentException("驻点班次不能早于应急状态开始时所在的班次");
        }
    }

    /** Ends the stationing, once. */
    void withdraw() {
        if (withdrawnAt != null) {
            throw new ConflictException("驻点「" + place + "」已于 " + withdrawnAt + " 撤回", Map.of("stationing", id));
        }
    }

    long id() {
        return id;
    }
}
