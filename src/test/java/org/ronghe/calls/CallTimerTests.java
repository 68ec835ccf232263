package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.instant;
import static org.ronghe.calls.CallsClient.shanghai;
import static org.ronghe.calls.CallsClient.MINUTE;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.desk.CallQueries;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TimerDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The persistent timers of a call: overdue acceptance, urging at 80 % of the reply time, escalation at
 * the deadline, the second escalation to the leaders liaising with the street, the auto-close of an
 * unrated reply — each firing once, and none firing for a generation of deadlines the call has left
 * behind (accepted, replied, extended, re-routed, returned, reopened). The story starts on Monday
 * 1 March 2027 at 09:00, an ordinary week: a seven-working-day call is urged on Tuesday 9 March at
 * 11:24, due on Wednesday 10 March at 17:30 and escalated again on Thursday 11 March at 17:30.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_timers")
class CallTimerTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
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

    void at(String shanghaiTime) {
        CallsClient.moveTo(clock, LocalDateTime.parse(shanghaiTime));
        timers.runDue();
    }

    Map<String, Long> counts(long id) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (CallEvent.Type type : List.of(CallEvent.Type.ACCEPT_OVERDUE, CallEvent.Type.URGED, CallEvent.Type.ESCALATED,
                CallEvent.Type.ESCALATED_AGAIN, CallEvent.Type.CLOSED_UNRATED)) {
            counts.put(type.name(), calls.events(id, type));
        }
        return counts;
    }

    static Map<String, Long> expect(long acceptOverdue, long urged, long escalated, long escalatedAgain, long closedUnrated) {
        return new java.util.TreeMap<>(Map.of("ACCEPT_OVERDUE", acceptOverdue, "URGED", urged, "ESCALATED", escalated,
                "ESCALATED_AGAIN", escalatedAgain, "CLOSED_UNRATED", closedUnrated));
    }

    long pendingTimers(long id) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE :a OR task_instance LIKE :u
                        OR task_instance LIKE :e OR task_instance LIKE :g OR task_instance LIKE :c""")
                .param("a", "accept_due-" + id + "-%").param("u", "urge-" + id + "-%").param("e", "escalate-" + id + "-%")
                .param("g", "escalate_again-" + id + "-%").param("c", "auto_close-" + id + "-%").query(Long.class).single();
    }

    @Test
    void aCallNobodyAnswersIsFlaggedUrgedEscalatedAndFinallyEscalatedToTheLeadersLiaisingWithItsStreet() {
        at("2027-03-01T09:00");
        JsonNode raised = calls.raise("community", "ELDERLY", "无人应答的养老诉求");
        long id = raised.get("id").asLong();
        assertThat(instant(raised.get("acceptBy"))).isCloseTo(shanghai("2027-03-01T11:00"), MINUTE);
        assertThat(instant(raised.get("replyBy"))).isEqualTo(shanghai("2027-03-10T17:30"));
        assertThat(calls.instant(id, "urge_at")).isCloseTo(shanghai("2027-03-09T11:24"), MINUTE);
        assertThat(calls.instant(id, "escalate_again_at")).isEqualTo(shanghai("2027-03-11T17:30"));
        assertThat(pendingTimers(id)).isEqualTo(4);

        at("2027-03-01T10:59");
        assertThat(counts(id)).isEqualTo(expect(0, 0, 0, 0, 0));
        at("2027-03-01T11:01");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
        assertThat(calls.noticeOrgans(id, "ACCEPT_OVERDUE")).containsExactly("JG001");

        at("2027-03-09T11:23");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
        at("2027-03-09T11:25");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 0, 0, 0));
        assertThat(calls.noticeOrgans(id, "URGED")).containsExactly("JG001");

        at("2027-03-10T17:29");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 0, 0, 0));
        at("2027-03-10T17:31");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 1, 0, 0));
        assertThat(calls.noticeOrgans(id, "ESCALATED")).containsExactly("JG001");
        assertThat(calls.listed("committee", CallQueries.Filter.none().withOverdue())).contains(id);

        at("2027-03-11T17:29");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 1, 0, 0));
        at("2027-03-11T17:31");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 1, 1, 0));
        assertThat(calls.noticeLeaders(id, "ESCALATED_AGAIN")).isEqualTo(calls.liaisonLeaders("440103001")).hasSize(2);
        assertThat(calls.noticeOrgans(id, "ESCALATED_AGAIN")).isEmpty();

        timers.runDue();
        at("2027-03-31T09:00");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 1, 1, 0));
        assertThat(pendingTimers(id)).isZero();
        JsonNode view = calls.call("committee", id);
        assertThat(view.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(view.get("overdue").asBoolean()).isTrue();
        assertThat(CallsClient.texts(view.get("notices"), "kind"))
                .containsExactly("ACCEPT_OVERDUE", "URGED", "ESCALATED", "ESCALATED_AGAIN", "ESCALATED_AGAIN");
        assertThat(view.get("timeline")).filteredOn(e -> e.get("type").asString().equals("ESCALATED"))
                .singleElement().satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo("system"));
    }

    @Test
    void anOrganThatAnswersInTimeIsNeitherUrgedNorEscalatedAndAnUnratedReplyClosesItself() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "按时办结的养老诉求");
        at("2027-03-01T10:00");
        calls.ok("secretary", id, "accept", null);
        at("2027-03-02T10:00");
        calls.ok("secretary", id, "reply", Map.of("text", "已办结"));
        // three working days after Tuesday: Friday 5 March at 17:30
        at("2027-03-05T17:29");
        assertThat(calls.state(id)).isEqualTo("REPLIED");
        at("2027-03-05T17:31");
        assertThat(calls.state(id)).isEqualTo("CLOSED");
        at("2027-03-31T09:00");
        assertThat(counts(id)).isEqualTo(expect(0, 0, 0, 0, 1));
        assertThat(calls.notices(id, "URGED") + calls.notices(id, "ESCALATED")).isZero();
    }

    @Test
    void aRatedReplyIsNotClosedAgainByTheTimer() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "已评价的养老诉求");
        calls.ok("secretary", id, "accept", null);
        calls.ok("secretary", id, "reply", Map.of("text", "已办结"));
        calls.ok("community", id, "rate", Map.of("rating", "BASICALLY_SATISFIED", "solved", true));
        at("2027-03-31T09:00");
        assertThat(counts(id)).isEqualTo(expect(0, 0, 0, 0, 0));
        assertThat(calls.eventTypes(id)).containsExactly("RAISED", "DISPATCHED", "ACCEPTED", "REPLIED", "RATED");
    }

    @Test
    void anOrganThatAcceptsAfterBeingUrgedIsNotUrgedAgain() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "迟迟未签收的养老诉求");
        at("2027-03-09T11:25");
        assertThat(counts(id)).isEqualTo(expect(1, 1, 0, 0, 0));
        at("2027-03-09T11:30");
        calls.ok("secretary", id, "accept", null);
        timers.runDue();
        assertThat(counts(id)).isEqualTo(expect(1, 1, 0, 0, 0));
        assertThat(calls.notices(id, "URGED")).isEqualTo(1);
    }

    @Test
    void aWhistleAfterTheEscalationDoesNotEscalateAgain() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "督办后吹哨的养老诉求");
        calls.ok("secretary", id, "accept", null);
        at("2027-03-10T17:31");
        assertThat(counts(id)).isEqualTo(expect(0, 1, 1, 0, 0));
        calls.ok("street", id, "whistle", Map.of("organs", List.of("JG002")));
        timers.runDue();
        assertThat(counts(id)).isEqualTo(expect(0, 1, 1, 0, 0));
        assertThat(calls.notices(id, "ESCALATED")).isEqualTo(1);
    }

    @Test
    void anApprovedExtensionMovesUrgingAndEscalationAndTheOldTimersNeverFire() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "需要延期的养老诉求");
        at("2027-03-01T09:30");
        calls.ok("secretary", id, "accept", null);
        calls.ok("secretary", id, "extend", Map.of("until", shanghai("2027-03-12T17:30").toString(), "reason", "需区财政审批"));
        JsonNode approved = calls.ok("committee", id, "extend", Map.of("approve", true));
        assertThat(instant(approved.get("replyBy"))).isEqualTo(shanghai("2027-03-12T17:30"));
        // 80 % of the working time from the dispatch (Mon 09:00) to the new deadline is 55 h 36 min: Thu 11 at 08:36
        assertThat(calls.instant(id, "urge_at")).isCloseTo(shanghai("2027-03-11T08:36"), MINUTE);
        assertThat(calls.instant(id, "escalate_again_at")).isEqualTo(shanghai("2027-03-15T17:30"));

        at("2027-03-10T17:31");
        assertThat(counts(id)).isEqualTo(expect(0, 0, 0, 0, 0));
        at("2027-03-11T08:37");
        assertThat(counts(id)).isEqualTo(expect(0, 1, 0, 0, 0));
        at("2027-03-12T17:31");
        assertThat(counts(id)).isEqualTo(expect(0, 1, 1, 0, 0));
        at("2027-03-15T17:31");
        assertThat(counts(id)).isEqualTo(expect(0, 1, 1, 1, 0));
    }

    @Test
    void aReRoutedCallIsOverdueOnlyForItsNewLeadAndAReturnedCallForNobody() {
        calls.alsoAnswers("JG005", "NOISE");
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "NOISE", "工地夜间施工");
        at("2027-03-01T11:01");
        assertThat(pendingTimers(id)).isZero();
        calls.ok("committee", id, "dispatch", Map.of("lead", "JG002"));
        // 59 minutes before noon, 61 after 14:00
        assertThat(instant(calls.call("committee", id).get("acceptBy"))).isCloseTo(shanghai("2027-03-01T15:01"), MINUTE);
        at("2027-03-01T14:00");
        calls.ok("committee", id, "dispatch", Map.of("lead", "JG003"));
        at("2027-03-01T15:02");
        assertThat(counts(id)).isEqualTo(expect(0, 0, 0, 0, 0));
        at("2027-03-01T16:01");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
        assertThat(calls.noticeOrgans(id, "ACCEPT_OVERDUE")).containsExactly("JG003");

        calls.ok(calls.secretaryOf("JG003"), id, "return", Map.of("reason", "噪声执法属生态环境部门"));
        at("2027-03-31T09:00");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
        assertThat(calls.state(id)).isEqualTo("RETURNED");
    }

    @Test
    void aReopenedCallRunsOnFreshDeadlinesAndTheEarlierAutoCloseNeverFires() {
        at("2027-03-01T09:00");
        long id = calls.raiseId("community", "ELDERLY", "重办的养老诉求");
        calls.ok("secretary", id, "accept", null);
        at("2027-03-01T10:00");
        calls.ok("secretary", id, "reply", Map.of("text", "已处理"));
        at("2027-03-02T09:00");
        calls.ok("community", id, "rate", Map.of("rating", "UNSATISFIED", "solved", false));
        JsonNode reopened = calls.ok("community", id, "reopen", Map.of("reason", "问题依旧"));
        assertThat(instant(reopened.get("acceptBy"))).isCloseTo(shanghai("2027-03-02T11:00"), MINUTE);
        assertThat(instant(reopened.get("replyBy"))).isEqualTo(shanghai("2027-03-11T17:30"));
        at("2027-03-02T11:01");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
        at("2027-03-04T17:31");
        assertThat(calls.state(id)).isEqualTo("DISPATCHED");
        assertThat(counts(id)).isEqualTo(expect(1, 0, 0, 0, 0));
    }
}
