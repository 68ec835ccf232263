package org.ronghe.calls;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.platform.CurrentUser;

/**
 * The calls as the command dashboard counts them, within the reader's scope: each count is the total of the call
 * list its {@code link} opens (the same scope and the same conditions), so a click on a chart lands on exactly the
 * calls counted. Every method is a few grouped queries, whatever the number of organs, communities or days.
 */
public interface CallBoard {

    /** Today's calls (the day in the platform's zone). */
    Today today(CurrentUser user);

    /** The organs taking part in overdue calls (lead, co-handler or summoned), most overdue first, organs without any absent. */
    List<OrganCount> overdueByOrgan(CurrentUser user);

    /** The calls not closed, per community of the call; communities without such calls are absent. */
    List<CommunityCount> openByCommunity(CurrentUser user);

    /** The calls raised each day from {@code from} to {@code to} (inclusive), with those of them closed by now. */
    List<Day> raisedPerDay(CurrentUser user, LocalDate from, LocalDate to);

    /** A number and the list of the calls it counts. */
    record Count(long count, String link) {
    }

    /**
     * @param raised  calls raised today
     * @param byState of those, how many are in each state now (states without any absent)
     * @param urgent  of those, the urgent ones
     * @param replied calls with a dispatch replied today, whenever they were raised
     * @param overdue calls now waiting past their accept limit or reply deadline, whenever they were raised
     */
    record Today(LocalDate day, Count raised, List<StateCount> byState, Count urgent, Count replied, Count overdue) {

        public Today {
            byState = List.copyOf(byState);
        }
    }

    record StateCount(CallState state, String label, long count, String link) {
    }

    record OrganCount(String organCode, String organName, long count, String link) {
    }

    record CommunityCount(long communityId, String communityCode, long count, String link) {
    }

    /** @param closed of the calls raised that day, those closed by now */
    record Day(LocalDate day, Count raised, Count closed, Count open) {
    }
}
