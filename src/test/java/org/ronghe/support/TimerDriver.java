package org.ronghe.support;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;

/**
 * Moves the test clock and runs every persistent timer that has fallen due, as the scheduler of a
 * running node would (the tests run db-scheduler in manual mode).
 */
public class TimerDriver {

    private final ManualScheduler scheduler;
    private final TestClock clock;

    public TimerDriver(ManualScheduler scheduler, TestClock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Runs the timers due at the clock's current time. */
    public void runDue() {
        scheduler.setTime(clock.instant());
        scheduler.runAnyDueExecutions();
    }

    /** Moves time forward and runs the timers due by then. */
    public void advance(Duration duration) {
        clock.advance(duration);
        runDue();
    }
}
