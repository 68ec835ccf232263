package org.ronghe.partylife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.platform.CurrentUser;
import org.springframework.stereotype.Service;

/** Counts the meetings of a year per month with the meetings list's own conditions (one grouped query). */
@Service
class MeetingBoardQueries implements MeetingBoard {

    private final MeetingDesk desk;
    private final Meetings meetings;

    MeetingBoardQueries(MeetingDesk desk, Meetings meetings) {
        this.desk = desk;
        this.meetings = meetings;
    }

    @Override
    public List<MonthCount> meetingsPerMonth(CurrentUser user, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        long[] counts = meetings.countPerMonth(desk.scopeOf(user),
                new Meetings.Filter(null, null, first, first.withDayOfYear(first.lengthOfYear()), null));
        List<MonthCount> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate start = first.withMonth(m);
            months.add(new MonthCount(m, counts[m], "/meetings?from=" + start + "&to=" + start.plusMonths(1).minusDays(1)));
        }
        return months;
    }
}
