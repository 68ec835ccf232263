package org.ronghe.partylife;

import java.util.List;

import org.ronghe.platform.CurrentUser;

/** Meetings as the command dashboard counts them, within the reader's party-life scope, each month linking to its list. */
public interface MeetingBoard {

    /** The meetings held in each month of the year (twelve items, January first). */
    List<MonthCount> meetingsPerMonth(CurrentUser user, int year);

    /** @param monthOfYear 1 to 12 */
    record MonthCount(int monthOfYear, long count, String link) {
    }
}
