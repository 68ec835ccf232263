package org.ronghe.calls.timers;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.ronghe.calls.store.CallPartitions;
import org.ronghe.calls.store.CallTallies;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, wired by hand (its Spring Boot starter predates Boot 4): persistent one-time timers in
 * {@code scheduled_tasks}, read through a transaction-aware data source so that a timer scheduled by
 * a state change commits or rolls back with it, and driven by the platform's clock.
 */
@Configuration(proxyBeanMethods = false)
class TimerConfiguration {

    @Bean
    OneTimeTask<TimerData> callTimerTask(@Lazy TimerFiring firing) {
        // A timer that loses a race on the call's version (two timers of one call at once) tries again in seconds, not minutes.
        return Tasks.oneTime(Timers.TASK, TimerData.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> firing.fire(instance.getData()));
    }

    /** Nightly upkeep: the monthly partitions of the call tables ahead of time (PostgreSQL only). */
    @Bean
    RecurringTask<Void> callPartitionTask(CallPartitions partitions, Clock clock) {
        return Tasks.recurring("call-partitions", Schedules.daily(clock.getZone(), LocalTime.of(2, 30)))
                .execute((instance, context) -> partitions.ensureAhead());
    }

    /** The tally differences the steps appended, folded into the tally rows (PostgreSQL; see CallTallies). */
    @Bean
    RecurringTask<Void> callTallyFoldTask(CallTallies tallies, @Value("${ronghe.tallies.fold-every:5s}") Duration every) {
        return Tasks.recurring("call-tally-fold", Schedules.fixedDelay(every))
                .execute((instance, context) -> tallies.fold());
    }

    /**
     * Timers that fire only when told to, on a clock set by the caller: for tests, which move time and
     * then run whatever has fallen due ({@code ronghe.timers.mode=manual}).
     */
    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = "ronghe.timers.mode", havingValue = "manual")
    ManualScheduler manualScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
        SettableClock settable = new SettableClock();
        settable.set(clock.instant());
        var builder = TestHelper.createManualScheduler(new TransactionAwareDataSourceProxy(dataSource), tasks).clock(settable);
        builder.serializer(TimerSerializer.INSTANCE);
        return builder.build();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = "ronghe.timers.mode", havingValue = "polling", matchIfMissing = true)
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                        @Value("${ronghe.timers.polling-interval:5s}") Duration polling,
                        @Value("${ronghe.timers.threads:4}") int threads,
                        @Value("${ronghe.timers.node-name:}") String nodeName,
                        @Value("${ronghe.timers.heartbeat:5m}") Duration heartbeat) {
        // The name a node marks the timers it is running with (scheduled_tasks.picked_by); pid@host by default
        String name = nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
        return create(dataSource, tasks, clock, polling, threads, name, heartbeat);
    }

    /** A scheduler on the given database; tests start two of them on one PostgreSQL. */
    static Scheduler create(DataSource dataSource, List<Task<?>> tasks, Clock clock, Duration polling, int threads,
                            String name) {
        return create(dataSource, tasks, clock, polling, threads, name, Duration.ofMinutes(5));
    }

    /**
     * {@code heartbeat}: how often a node marks the timers it is running; a timer whose node stopped
     * marking it for six heartbeats (the node was killed mid-timer) is run again by another node.
     */
    static Scheduler create(DataSource dataSource, List<Task<?>> tasks, Clock clock, Duration polling, int threads,
                            String name, Duration heartbeat) {
        // Recurring tasks are known to the scheduler through startTasks, which also plans their first run.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList())
                .clock(clock::instant)
                .serializer(TimerSerializer.INSTANCE)
                .pollingInterval(polling)
                .threads(threads)
                .heartbeatInterval(heartbeat)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(name.length() > 50 ? name.substring(0, 50) : name))
                .startTasks(tasks.stream().filter(RecurringTask.class::isInstance).map(t -> (RecurringTask<?>) t).toList())
                .build();
    }

    /** Starts the timers once the application is ready (after the demo district is seeded), stops them first on shutdown. */
    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void ready() {
            if (!running) {
                scheduler.start();
                running = true;
            }
        }

        @Override
        public void start() {
            // Started on ApplicationReadyEvent instead, once start-up work such as seeding is done.
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }
}
