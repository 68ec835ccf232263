package org.ronghe.calls.timers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.ronghe.calls.Call;
import org.ronghe.calls.CallState;
import org.ronghe.calls.limits.CallLimits;
import org.springframework.stereotype.Component;

/**
 * Plans the persistent timers a call needs in its current state and hands them to db-scheduler in
 * the caller's transaction: they survive a restart, and with several nodes on one database each
 * fires on exactly one of them.
 */
@Component
public class Timers {

    static final String TASK = "call-timer";
    private static final String INSERT = """
            INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)
            VALUES (:task, :instance, :data, :at, FALSE, 1, 0) ON CONFLICT DO NOTHING""";

    private final NamedParameterJdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final CallLimits limits;

    Timers(NamedParameterJdbcTemplate jdbc, CallLimits limits, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Schedules the call's future timers; callers plan only when {@link Call#timersChanged()} said so
     * before the call was stored. A timer whose time has passed has fired already (or belongs to
     * deadlines the call has left behind), so it is not scheduled again. The rows go into
     * db-scheduler's table in one statement, in the caller's transaction; a timer already planned is
     * left as it is.
     */
    public void plan(Call call) {
        Instant now = clock.instant();
        write(planFor(call, call.id(), limits.time()).stream().filter(p -> p.at().isAfter(now)).toList());
    }

    /** Schedules the future timers of many calls at once (calls whose history was produced elsewhere, e.g. the demo). */
    public void planAll(java.util.Collection<Call> calls) {
        Instant now = clock.instant();
        write(calls.stream().flatMap(c -> planFor(c, c.id(), limits.time()).stream()).filter(p -> p.at().isAfter(now)).toList());
    }

    public void schedule(TimerData data, Instant at) {
        write(List.of(new Planned(data, at)));
    }

    private void write(List<Planned> planned) {
        if (planned.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, planned.stream().map(p -> new MapSqlParameterSource()
                        .addValue("task", TASK).addValue("instance", p.data().instanceId())
                        .addValue("data", TimerSerializer.INSTANCE.serialize(p.data()))
                        .addValue("at", p.at().atOffset(java.time.ZoneOffset.UTC)))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** The timers a call in its state needs, each tied to the current generation of its deadlines. */
    public static List<Planned> planFor(Call call, long id, org.ronghe.platform.WorkingTime time) {
        List<Planned> timers = new ArrayList<>();
        int gen = call.generation();
        Call.Assignment a = call.assignment();
        if (call.state() == CallState.DISPATCHED) {
            timers.add(new Planned(new TimerData(TimerData.Kind.ACCEPT_DUE, id, gen, null, a.acceptBy()), a.acceptBy()));
        }
        if (call.awaitingReply()) {
            timers.add(new Planned(new TimerData(TimerData.Kind.URGE, id, gen, null, a.urgeAt()), a.urgeAt()));
            timers.add(new Planned(new TimerData(TimerData.Kind.ESCALATE, id, gen, null, a.replyBy()), a.replyBy()));
            timers.add(new Planned(new TimerData(TimerData.Kind.ESCALATE_AGAIN, id, gen, null, a.escalateAgainAt()),
                    a.escalateAgainAt()));
        }
        if (call.state() == CallState.REPLIED) {
            Instant rateBy = CallLimits.rateBy(a.repliedAt(), time);
            timers.add(new Planned(new TimerData(TimerData.Kind.AUTO_CLOSE, id, gen, null, rateBy), rateBy));
        }
        for (Call.Handler h : call.handlers()) {
            if (h.active() && h.checkInBy() != null && h.checkedInAt() == null && !h.missed()) {
                timers.add(new Planned(new TimerData(TimerData.Kind.CHECK_IN, id, 0, h.organId(), h.checkInBy()), h.checkInBy()));
            }
        }
        return timers;
    }

    public record Planned(TimerData data, Instant at) {
    }
}
