package org.ronghe.calls.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.CallsClient;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.calls.desk.CallScopes;
import org.ronghe.calls.metrics.CallMetrics.GroupBy;
import org.ronghe.calls.metrics.CallMetrics.MetricRow;
import org.ronghe.calls.store.CallTallies;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TimerDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The figures read from the tallies always equal the figures counted from the dispatches themselves, for
 * every scope the tallies serve, every grouping and any period; and the tallies kept up step by step equal
 * the tallies rebuilt from scratch.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=calls_tallies", "ronghe.demo.calls=400"})
class CallTallyTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    CallMetrics metrics;
    @Autowired
    CallScopes scopes;
    @Autowired
    CallQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallTallies tallies;
    @Autowired
    TestClock clock;
    @Autowired
    TimerDriver timers;

    CallsClient calls;

    @BeforeEach
    void client() {
        calls = new CallsClient(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFiguresOfTheSimulatedYearReadFromTheTalliesEqualTheRawCounts() {
        assertTalliesEqualRawCounts();
    }

    @Test
    void everyKindOfStepKeepsTheTalliesEqualToTheRawCountsAndToARebuild() {
        calls.alsoAnswers("JG005", "NOISE");
        long satisfied = calls.raiseId("community", "ELDERLY", "独居老人需要助餐服务");
        calls.ok("secretary", satisfied, "accept", null);
        calls.ok("secretary", satisfied, "reply", Map.of("text", "已安排送餐"));
        calls.ok("community", satisfied, "rate", Map.of("rating", "SATISFIED", "solved", true));

        long reopened = calls.raiseId("community", "ELDERLY", "长者饭堂就餐名额");
        calls.ok("secretary", reopened, "accept", null);
        calls.ok("secretary", reopened, "reply", Map.of("text", "已协调"));
        calls.ok("community", reopened, "rate", Map.of("rating", "UNSATISFIED", "solved", false));
        calls.ok("community", reopened, "reopen", Map.of("reason", "仍未解决"));
        calls.ok("secretary", reopened, "accept", null);

        long queued = calls.raiseId("community", "NOISE", "夜间施工噪声扰民");
        calls.ok("committee", queued, "dispatch", Map.of("lead", "JG002"));
        calls.ok("committee", queued, "dispatch", Map.of("lead", "JG003"));
        calls.ok(calls.secretaryOf("JG003"), queued, "return", Map.of("reason", "不属本单位职责"));
        calls.ok("committee", queued, "dispatch", Map.of("lead", "JG002"));

        long late = calls.raiseId("community", "ELDERLY", "高龄津贴未到账");
        long unrated = calls.raiseId("community", "ELDERLY", "老人居家适老化改造");
        calls.ok("secretary", unrated, "accept", null);
        calls.ok("secretary", unrated, "reply", Map.of("text", "已上门评估"));
        long pending = calls.raiseId("community", "ELDERLY", "老人需要助餐");
        timers.advance(Duration.ofDays(20));
        timers.runDue();
        calls.ok("secretary", late, "accept", null);
        long fresh = calls.raiseId("community", "ELDERLY", "社区卫生站家庭医生签约");

        assertThat(calls.state(unrated)).isEqualTo("CLOSED");
        assertThat(List.of(calls.state(pending), calls.state(fresh))).containsOnly("DISPATCHED");
        assertTalliesEqualRawCounts();

        // PostgreSQL: the steps appended differences, read together with the tally rows; folded, they change no figure.
        int folded = tallies.fold();
        assertThat(folded > 0).as("differences folded").isEqualTo(onPostgres());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_tally_delta").query(Long.class).single()).isZero();
        assertTalliesEqualRawCounts();

        List<Map<String, Object>> kept = tallies();
        CallTallies.rebuild(dataSource, clock.getZone());
        assertThat(tallies()).isEqualTo(kept);
    }

    @Test
    void aPeriodIsReadAsWholeMonthsAndTheDaysAtEitherEnd() {
        assertThat(TalliedMetrics.ranges(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 10))).containsExactly(
                new TalliedMetrics.Range('D', LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31)),
                new TalliedMetrics.Range('M', LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)),
                new TalliedMetrics.Range('D', LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 10)));
        assertThat(TalliedMetrics.ranges(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).containsExactly(
                new TalliedMetrics.Range('M', LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)));
        assertThat(TalliedMetrics.ranges(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3))).containsExactly(
                new TalliedMetrics.Range('D', LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3)));
        assertThat(TalliedMetrics.ranges(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 1))).isEmpty();
    }

    private void assertTalliesEqualRawCounts() {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate[]> periods = List.of(new LocalDate[]{null, null}, new LocalDate[]{today.minusDays(29), today},
                new LocalDate[]{today.minusMonths(2).withDayOfMonth(1), today.minusMonths(1).withDayOfMonth(1).minusDays(1)},
                new LocalDate[]{today.minusMonths(5).withDayOfMonth(12), today.minusMonths(1).withDayOfMonth(20)},
                new LocalDate[]{today, today}, new LocalDate[]{null, today.minusMonths(3)});
        List<String> users = List.of("committee", "street", "secretary");
        List<String> checked = new ArrayList<>();
        for (String user : users) {
            CallScope scope = scopes.of(calls.user(user));
            for (LocalDate[] p : periods) {
                for (GroupBy groupBy : GroupBy.values()) {
                    if (CallMetrics.tallied(groupBy, scope)) {
                        List<MetricRow> raw = metrics.raw(groupBy, scope, p[0], p[1]);
                        assertThat(metrics.by(groupBy, scope, p[0], p[1])).as(user + " by " + groupBy + " " + p[0] + ".." + p[1])
                                .isEqualTo(raw);
                        checked.add(user + groupBy);
                    }
                }
                assertThat(metrics.total(scope, p[0], p[1])).as(user + " total " + p[0] + ".." + p[1])
                        .isEqualTo(metrics.rawTotal(scope, p[0], p[1]));
            }
        }
        for (String user : List.of("committee", "street", "community")) {
            CallScope scope = scopes.of(calls.user(user));
            assertThat(metrics.callCounts(scope)).as(user).contains(new CallMetrics.CallCounts(
                    queries.count(scope, CallQueries.Filter.none()), queries.count(scope, CallQueries.Filter.none().withOpen())));
        }
        assertHandlersKnowWhetherTheirCallIsOpen();
        assertThat(checked).hasSize(users.size() * periods.size() * GroupBy.values().length - periods.size());
        assertThat(metrics.rawTotal(scopes.of(calls.user("committee")), null, null).counts().dispatches()).isPositive();
    }

    /** An organ's figures count its handler rows, which carry their call's openness: it must match the calls. */
    private void assertHandlersKnowWhetherTheirCallIsOpen() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM call_handler h JOIN call c ON c.id = h.call_id"
                + " WHERE h.call_open <> (c.state <> 'CLOSED')").query(Long.class).single()).as("handlers wrong about their call").isZero();
        CallScope organ = scopes.of(calls.user("secretary"));
        CallQueries.Counts counts = queries.organCounts(organ.organs().iterator().next());
        long raw = jdbc.sql("SELECT COUNT(*) FROM call c WHERE EXISTS (SELECT 1 FROM call_handler h WHERE h.call_id = c.id AND h.organ_id IN (:o))")
                .param("o", organ.organs()).query(Long.class).single();
        long rawOpen = jdbc.sql("SELECT COUNT(*) FROM call c WHERE c.state <> 'CLOSED' AND EXISTS (SELECT 1 FROM call_handler h"
                        + " WHERE h.call_id = c.id AND h.organ_id IN (:o))").param("o", organ.organs()).query(Long.class).single();
        assertThat(counts).isEqualTo(new CallQueries.Counts(raw, rawOpen));
        assertThat(rawOpen).as("the secretary's organ has open calls").isPositive().isLessThan(raw);
    }

    private boolean onPostgres() {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> tallies() {
        return jdbc.sql("SELECT * FROM call_tally ORDER BY dim, grain, period, street_id, community_id, organ_id, category_code")
                .query().listOfRows();
    }
}
