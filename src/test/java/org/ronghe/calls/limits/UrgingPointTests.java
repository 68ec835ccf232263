package org.ronghe.calls.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.calls.CallsClient.shanghai;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.WorkingTime;

/** Urging falls at 80 % of the reply time, counted the way the limit is counted; no Spring needed. */
class UrgingPointTests {

    static final WorkingTime TIME = new WorkingTime(Map.of(
            LocalDate.of(2027, 3, 12), WorkingTime.DayKind.HOLIDAY,
            LocalDate.of(2027, 3, 13), WorkingTime.DayKind.WORKDAY),
            WorkingTime.Hours.parse("08:30-12:00,14:00-17:30"), CallsClient.SHANGHAI);

    @Test
    void aSevenWorkingDayCallDispatchedMondayMorningIsUrgedOnTheSecondTuesdayBeforeNoon() {
        // Mon 03-01 09:00 → Wed 03-10 17:30 is 55.5 working hours; 80 % is 44 h 24 min, ending Tue 03-09 11:24
        assertThat(CallLimits.urgeAt(shanghai("2027-03-01T09:00"), shanghai("2027-03-10T17:30"), true, TIME))
                .isEqualTo(shanghai("2027-03-09T11:24"));
    }

    @Test
    void urgingSkipsADeclaredHolidayAndUsesTheSwappedSaturday() {
        // Thu 03-11 16:30 → Mon 03-22 17:30 is 50 working hours (Fri 03-12 off, Sat 03-13 on); 80 % = 40 h
        assertThat(CallLimits.urgeAt(shanghai("2027-03-11T16:30"), shanghai("2027-03-22T17:30"), true, TIME))
                .isEqualTo(shanghai("2027-03-19T14:30"));
    }

    @Test
    void aCalendarLimitIsUrgedAt80PercentOfTheClockTime() {
        assertThat(CallLimits.urgeAt(shanghai("2027-03-12T10:00"), shanghai("2027-03-12T12:00"), false, TIME))
                .isEqualTo(shanghai("2027-03-12T11:36"));
        assertThat(CallLimits.urgeAt(shanghai("2027-03-12T10:00"), shanghai("2027-03-13T10:00"), false, TIME))
                .isEqualTo(shanghai("2027-03-12T10:00").plus(Duration.ofMinutes(19 * 60 + 12)));
    }
}
