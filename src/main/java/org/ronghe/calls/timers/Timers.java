package org.ronghe.calls.timers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
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

    private final SchedulerClient scheduler;
    private final OneTimeTask<TimerData> task;
    private final CallLimits limits;
    private final java.time.Clock clock;

    Timers(SchedulerClient scheduler, OneTimeTask<TimerData> callTimerTask, CallLimits limits, java.time.Clock clock) {
        this.scheduler = scheduler;
        this.task = callTimerTask;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Schedules the call's future timers. A timer whose time has passed has fired already (or belongs to
     * deadlines the call has left behind): scheduling it again would repeat an urging, so it is skipped.
     */
    public void plan(Call call) {
        Instant now = clock.instant();
        for (Planned planned : planFor(call, call.id(), limits.time())) {
            if (planned.at().isAfter(now)) {
                schedule(planned.data(), planned.at());
            }
        }
    }

    public void schedule(TimerData data, Instant at) {
        scheduler.scheduleIfNotExists(task.instance(data.instanceId(), data), at);
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
