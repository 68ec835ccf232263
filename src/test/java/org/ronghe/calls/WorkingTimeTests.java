package org.ronghe.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronghe.calls.CallsClient.shanghai;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.platform.WorkingTime;
import org.ronghe.platform.WorkingTime.DayKind;

/**
 * Deadlines on the official calendar, without Spring: the 2026 days as V3__calendar.sql seeds them
 * (National Day 10-01..07 with the swapped working days Sunday 09-20 and Saturday 10-10, Mid-Autumn
 * 09-25..27, Spring Festival 02-15..23 with Saturdays 02-14 and 02-28 working), office hours
 * 08:30–12:00 and 14:00–17:30 in Shanghai.
 */
class WorkingTimeTests {

    static final WorkingTime TIME = new WorkingTime(calendar2026(), WorkingTime.Hours.parse("08:30-12:00,14:00-17:30"),
            CallsClient.SHANGHAI);

    static Map<LocalDate, DayKind> calendar2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (int d = 15; d <= 23; d++) {
            days.put(LocalDate.of(2026, 2, d), DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 14), DayKind.WORKDAY);
        days.put(LocalDate.of(2026, 2, 28), DayKind.WORKDAY);
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), DayKind.HOLIDAY);
        }
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
        days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        return days;
    }

    @Test
    void sevenWorkingDaysFromTheTuesdayBeforeNationalDayEndOnWednesdayFourteenOctoberAtTheEndOfOfficeHours() {
        // Wed 09-30 (1), holidays 10-01..07, Thu 10-08 (2), Fri 10-09 (3), swapped Sat 10-10 (4), Mon 10-12 (5),
        // Tue 10-13 (6), Wed 10-14 (7)
        assertThat(TIME.endOfWorkingDays(shanghai("2026-09-29T10:15"), 7)).isEqualTo(shanghai("2026-10-14T17:30"));
        assertThat(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS).from(shanghai("2026-09-29T10:15"), TIME))
                .isEqualTo(shanghai("2026-10-14T17:30"));
    }

    @Test
    void twoWorkingHoursFromLateOnTheEveOfNationalDayEndOnTheMorningAfterTheHoliday() {
        assertThat(TIME.plus(shanghai("2026-09-30T16:30"), Duration.ofHours(2))).isEqualTo(shanghai("2026-10-08T09:30"));
    }

    @Test
    void theSwappedSundayBeforeNationalDayIsAWorkingDay() {
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
        assertThat(TIME.plus(shanghai("2026-09-18T17:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-09-20T09:00"));
    }

    @Test
    void theSwappedSaturdayAfterNationalDayCountsAndTheSundayAfterItDoesNot() {
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(TIME.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
        assertThat(TIME.endOfWorkingDays(shanghai("2026-10-09T09:00"), 1)).isEqualTo(shanghai("2026-10-10T17:30"));
        assertThat(TIME.endOfWorkingDays(shanghai("2026-10-10T09:00"), 1)).isEqualTo(shanghai("2026-10-12T17:30"));
    }

    @Test
    void aCallRaisedDuringTheHolidayStartsCountingOnTheFirstWorkingMorning() {
        assertThat(TIME.plus(shanghai("2026-10-03T11:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-10-08T10:30"));
        assertThat(TIME.endOfWorkingDays(shanghai("2026-10-03T11:00"), 1)).isEqualTo(shanghai("2026-10-08T17:30"));
    }

    @Test
    void theSpringFestivalWeekIsSkippedAndBothSwappedSaturdaysCount() {
        // Fri 02-13 (start), swapped Sat 02-14 (1), holidays 02-15..23, Tue 02-24 (2), Wed (3), Thu (4), Fri 02-27 (5),
        // swapped Sat 02-28 (6), Mon 03-02 (7)
        assertThat(TIME.endOfWorkingDays(shanghai("2026-02-13T09:00"), 7)).isEqualTo(shanghai("2026-03-02T17:30"));
        assertThat(TIME.between(shanghai("2026-02-14T17:30"), shanghai("2026-02-24T08:30"))).isZero();
    }

    @Test
    void theLunchBreakAndTheNightDoNotCount() {
        assertThat(TIME.plus(shanghai("2026-11-26T11:30"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-26T14:30"));
        assertThat(TIME.plus(shanghai("2026-11-26T07:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-26T09:30"));
        assertThat(TIME.plus(shanghai("2026-11-26T17:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-27T09:00"));
        assertThat(TIME.workingDay()).isEqualTo(Duration.ofHours(7));
        assertThat(TIME.between(shanghai("2026-11-26T09:00"), shanghai("2026-11-27T09:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(TIME.between(shanghai("2026-11-27T09:00"), shanghai("2026-11-26T09:00"))).isZero();
    }

    @Test
    void twoWorkingHoursEndingExactlyAtTheEndOfTheMorningStayInTheMorning() {
        assertThat(TIME.plus(shanghai("2026-11-26T10:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-11-26T12:00"));
    }

    @Test
    void calendarLimitsIgnoreHolidaysAndNights() {
        assertThat(new TimeLimit(30, TimeLimit.Unit.MINUTES).from(shanghai("2026-10-01T23:50"), TIME))
                .isEqualTo(shanghai("2026-10-02T00:20"));
        assertThat(new TimeLimit(24, TimeLimit.Unit.HOURS).from(shanghai("2026-10-01T10:00"), TIME))
                .isEqualTo(shanghai("2026-10-02T10:00"));
        assertThat(new TimeLimit(2, TimeLimit.Unit.WORKING_HOURS).from(shanghai("2026-10-01T10:00"), TIME))
                .isEqualTo(shanghai("2026-10-08T10:30"));
        assertThat(new TimeLimit(24, TimeLimit.Unit.HOURS).working()).isFalse();
        assertThat(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS).working()).isTrue();
        assertThat(new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS).label()).isEqualTo("7 工作日");
    }

    @Test
    void aTimeLimitMustBePositive() {
        assertThatThrownBy(() -> new TimeLimit(0, TimeLimit.Unit.HOURS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeLimit(-2, TimeLimit.Unit.WORKING_DAYS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultLimitsFollowTheReplyClassAndUrgency() {
        assertThat(ReplyClass.GENERAL.defaults(Urgency.NORMAL)).isEqualTo(new ReplyClass.Limits(
                new TimeLimit(2, TimeLimit.Unit.WORKING_HOURS), new TimeLimit(7, TimeLimit.Unit.WORKING_DAYS)));
        assertThat(ReplyClass.COMPLEX.defaults(Urgency.NORMAL).reply()).isEqualTo(new TimeLimit(15, TimeLimit.Unit.WORKING_DAYS));
        assertThat(ReplyClass.UTILITIES.defaults(Urgency.NORMAL).reply()).isEqualTo(new TimeLimit(24, TimeLimit.Unit.HOURS));
        for (ReplyClass any : ReplyClass.values()) {
            assertThat(any.defaults(Urgency.URGENT)).isEqualTo(new ReplyClass.Limits(
                    new TimeLimit(30, TimeLimit.Unit.MINUTES), new TimeLimit(2, TimeLimit.Unit.HOURS)));
        }
    }

    @Test
    void officeHoursAreReadInAnyOrderAndMustEndAfterTheyBegin() {
        assertThat(WorkingTime.Hours.parse("14:00-17:30, 08:30-12:00")).extracting(WorkingTime.Hours::from)
                .containsExactly(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(14, 0));
        assertThatThrownBy(() -> WorkingTime.Hours.parse("12:00-08:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(Map.of(), List.of(), CallsClient.SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
