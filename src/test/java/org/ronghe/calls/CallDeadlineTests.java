package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.instant;
import static org.ronghe.calls.CallsClient.shanghai;
import static org.ronghe.calls.CallsClient.MINUTE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.calls.limits.CallLimits;
import org.ronghe.platform.WorkCalendar;
import org.ronghe.platform.WorkingTime;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.ronghe.support.TimerDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines on the working calendar as the platform keeps it: in March 2027 this test declares Friday
 * the 12th a holiday and Saturday the 13th a swapped working day (调休), then raises calls around
 * them with the clock set, and lets the timers fire.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=calls_deadlines")
class CallDeadlineTests {

    static final LocalDate HOLIDAY = LocalDate.of(2027, 3, 12);
    static final LocalDate SWAPPED = LocalDate.of(2027, 3, 13);

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    TimerDriver timers;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    CallLimits limits;

    CallsClient calls;

    @BeforeEach
    void declareTheDays() {
        calls = new CallsClient(context);
        if (calendar.isWorkingDay(HOLIDAY) || !calendar.isWorkingDay(SWAPPED)) {
            calendar.declare(HOLIDAY, WorkingTime.DayKind.HOLIDAY, "测试假日");
            calendar.declare(SWAPPED, WorkingTime.DayKind.WORKDAY, "测试调休");
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the clock to a time in Shanghai and runs the timers due by then. */
    void at(String shanghaiTime) {
        CallsClient.moveTo(clock, LocalDateTime.parse(shanghaiTime));
        timers.runDue();
    }

    @Test
    void aCallRaisedLateOnTheEveOfTheHolidayIsDueForAcceptanceOnTheSwappedSaturday() {
        at("2027-03-11T16:30");
        JsonNode raised = calls.raise("community", "ELDERLY", "节前独居老人送餐中断");
        long id = raised.get("id").asLong();
        // Thu 16:30–17:30 is one working hour, Friday is off, the second hour is Saturday 08:30–09:30
        assertThat(instant(raised.get("acceptBy"))).isCloseTo(shanghai("2027-03-13T09:30"), MINUTE);
        // seven working days: Sat 13, Mon 15 … Fri 19, Mon 22
        assertThat(instant(raised.get("replyBy"))).isEqualTo(shanghai("2027-03-22T17:30"));
        assertThat(calls.instant(id, "urge_at")).isCloseTo(shanghai("2027-03-19T14:30"), MINUTE);
        assertThat(calls.instant(id, "escalate_again_at")).isEqualTo(shanghai("2027-03-23T17:30"));

        at("2027-03-12T15:00");
        assertThat(calls.events(id, CallEvent.Type.ACCEPT_OVERDUE)).isZero();
        at("2027-03-13T09:29");
        assertThat(calls.events(id, CallEvent.Type.ACCEPT_OVERDUE)).isZero();
        at("2027-03-13T09:31");
        assertThat(calls.events(id, CallEvent.Type.ACCEPT_OVERDUE)).isEqualTo(1);
        assertThat(calls.noticeOrgans(id, "ACCEPT_OVERDUE")).containsExactly("JG001");
        assertThat(calls.call("committee", id).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void anUrgentCallCountsTheClockEvenOnTheHolidayAndIsEscalatedAgainOnTheSwappedSaturday() {
        at("2027-03-12T10:00");
        JsonNode raised = calls.raise("community", "ELDERLY", "假日里老人走失", "urgency", "URGENT");
        long id = raised.get("id").asLong();
        assertThat(raised.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(instant(raised.get("acceptBy"))).isCloseTo(shanghai("2027-03-12T10:30"), MINUTE);
        assertThat(instant(raised.get("replyBy"))).isCloseTo(shanghai("2027-03-12T12:00"), MINUTE);
        assertThat(calls.instant(id, "urge_at")).isCloseTo(shanghai("2027-03-12T11:36"), MINUTE);
        // one working day after a deadline on a holiday: the whole of the swapped Saturday
        assertThat(calls.instant(id, "escalate_again_at")).isCloseTo(shanghai("2027-03-13T17:30"), MINUTE);

        at("2027-03-12T10:31");
        assertThat(calls.events(id, CallEvent.Type.ACCEPT_OVERDUE)).isEqualTo(1);
        at("2027-03-12T11:35");
        assertThat(calls.events(id, CallEvent.Type.URGED)).isZero();
        at("2027-03-12T11:37");
        assertThat(calls.events(id, CallEvent.Type.URGED)).isEqualTo(1);
        at("2027-03-12T12:01");
        assertThat(calls.events(id, CallEvent.Type.ESCALATED)).isEqualTo(1);
        assertThat(calls.noticeOrgans(id, "ESCALATED")).containsExactly("JG001");
        at("2027-03-13T17:29");
        assertThat(calls.events(id, CallEvent.Type.ESCALATED_AGAIN)).isZero();
        at("2027-03-13T17:31");
        assertThat(calls.events(id, CallEvent.Type.ESCALATED_AGAIN)).isEqualTo(1);
        assertThat(calls.noticeLeaders(id, "ESCALATED_AGAIN")).isEqualTo(calls.liaisonLeaders("440103001")).isNotEmpty();
        timers.runDue();
        assertThat(calls.eventTypes(id)).containsExactly("RAISED", "DISPATCHED", "ACCEPT_OVERDUE", "URGED", "ESCALATED",
                "ESCALATED_AGAIN");
    }

    @Test
    void anUnratedReplyClosesItselfAtTheEndOfTheThirdWorkingDayCountingTheSwappedSaturday() {
        at("2027-03-10T09:00");
        long id = calls.raiseId("community", "ELDERLY", "助餐点停业");
        calls.ok("secretary", id, "accept", null);
        at("2027-03-10T10:00");
        calls.ok("secretary", id, "reply", Map.of("text", "已联系新的助餐点"));
        // Thu 11 (1), Fri 12 off, Sat 13 (2), Mon 15 (3) at 17:30
        at("2027-03-15T17:29");
        assertThat(calls.state(id)).isEqualTo("REPLIED");
        at("2027-03-15T17:31");
        assertThat(calls.state(id)).isEqualTo("CLOSED");
        assertThat(calls.events(id, CallEvent.Type.CLOSED_UNRATED)).isEqualTo(1);
        JsonNode closed = calls.call("community", id);
        assertThat(closed.get("rating").isNull()).isTrue();
        assertThat(instant(closed.get("timeline").get(4).get("at"))).isAfter(shanghai("2027-03-15T17:30"));
        assertThat(calls.act("community", id, "rate", Map.of("rating", "SATISFIED", "solved", true)).status()).isEqualTo(409);
        assertThat(calls.act("community", id, "reopen", Map.of("reason", "没人问我")).status()).isEqualTo(409);
    }

    @Test
    void eachReplyClassHasItsOwnLimit() {
        limits.setClass("WATER", ReplyClass.UTILITIES);
        limits.setClass("HOUSING", ReplyClass.COMPLEX);
        at("2027-03-01T09:00");
        JsonNode water = calls.raise("community", "WATER", "停水一整天");
        assertThat(instant(water.get("replyBy"))).isCloseTo(shanghai("2027-03-02T09:00"), MINUTE);
        assertThat(calls.instant(water.get("id").asLong(), "urge_at")).isCloseTo(shanghai("2027-03-02T04:12"), MINUTE);
        JsonNode housing = calls.raise("community", "HOUSING", "公租房漏水维修");
        // fifteen working days, skipping the declared Friday and counting the swapped Saturday
        assertThat(instant(housing.get("replyBy"))).isEqualTo(shanghai("2027-03-22T17:30"));
        JsonNode elderly = calls.raise("community", "ELDERLY", "养老补贴发放");
        assertThat(instant(elderly.get("replyBy"))).isEqualTo(shanghai("2027-03-10T17:30"));
        assertThat(limits.limits("ELDERLY", Urgency.NORMAL)).isEqualTo(ReplyClass.GENERAL.defaults(Urgency.NORMAL));
    }
}
