package org.ronghe.calls.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallDesk;
import org.ronghe.platform.Accounts;
import org.ronghe.platform.CurrentUser;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Two nodes on one PostgreSQL database, each with its own polling scheduler: every timer of every call
 * fires on exactly one of them: 200 executions in all, shared between the nodes, one event each. (PostgreSQL
 * only: the point is the database's locking between nodes.)
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_schedulers")
class TwoSchedulersTests {

    static final int CALLS = 50;

    @Autowired
    DataSource dataSource;
    @Autowired
    List<Task<?>> tasks;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallDesk desk;
    @Autowired
    Accounts accounts;
    @Autowired
    TimerFiring firing;

    final List<Scheduler> nodes = new ArrayList<>();

    @BeforeAll
    static void onPostgresqlOnly() {
        assumeThat(TestDatabase.postgres()).as("two schedulers need PostgreSQL").isTrue();
    }

    @AfterEach
    void stop() {
        nodes.forEach(Scheduler::stop);
        clock.reset();
    }

    @Test
    void fiftyCallsWithFourTimersEachAreFiredExactlyOnceByTwoNodes() throws Exception {
        CurrentUser community = accounts.byUsername("community").orElseThrow();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            ids.add(desk.raise(community, new CallDesk.NewCall("两个节点 " + i, null, "ELDERLY", null, null, null, null, null,
                    null, null, null, null), null).id());
        }
        assertThat(pending()).isEqualTo(4L * CALLS);
        // every accept limit, urging, escalation and second escalation is now due
        clock.advance(Duration.ofDays(40));

        // each node runs the application's timer task (the same body as TimerConfiguration's), counting what it completes
        assertThat(tasks).extracting(Task::getName).contains("call-timer");
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        nodes.add(TimerConfiguration.create(dataSource, List.of(counting(onA)), clock, Duration.ofMillis(100), 4, "node-a"));
        nodes.add(TimerConfiguration.create(dataSource, List.of(counting(onB)), clock, Duration.ofMillis(100), 4, "node-b"));
        nodes.forEach(Scheduler::start);

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int retriesMovedOn = 0;
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            // a timer that lost a race for its call (two timers of one call at once) is retried five minutes later
            if (pending() > 0 && jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = FALSE AND consecutive_failures > 0")
                    .query(Long.class).single() == pending()) {
                clock.advance(Duration.ofMinutes(6));
                retriesMovedOn++;
            }
        }
        assertThat(pending()).as("timers left").isZero();

        assertThat(onA.get() + onB.get()).as("executions on node a and node b").isEqualTo(4 * CALLS);
        assertThat(onA.get()).as("executions on node a").isPositive();
        assertThat(onB.get()).as("executions on node b").isPositive();
        Map<String, Long> expected = Map.of("ACCEPT_OVERDUE", 1L, "URGED", 1L, "ESCALATED", 1L, "ESCALATED_AGAIN", 1L);
        for (long id : ids) {
            Map<String, Long> fired = new java.util.TreeMap<>();
            jdbc.sql("SELECT type, COUNT(*) FROM call_event WHERE call_id = :id AND actor = 'system' AND type <> 'DISPATCHED' "
                            + "GROUP BY type").param("id", id)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(e -> fired.put(e.getKey(), e.getValue()));
            assertThat(fired).as("call " + id).isEqualTo(new java.util.TreeMap<>(expected));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_notice WHERE kind = 'ESCALATED' AND call_id IN (:ids)").param("ids", ids)
                .query(Long.class).single()).isEqualTo(CALLS);
        System.out.println("Two schedulers: " + 4 * CALLS + " timers fired once each (" + onA + " on node a, " + onB
                + " on node b); the clock moved on " + retriesMovedOn
                + " time(s) for timers retried after a conflict");
    }

    Task<TimerData> counting(AtomicInteger executions) {
        return Tasks.oneTime("call-timer", TimerData.class).execute((instance, context) -> {
            firing.fire(instance.getData());
            executions.incrementAndGet();
        });
    }

    long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single();
    }
}
