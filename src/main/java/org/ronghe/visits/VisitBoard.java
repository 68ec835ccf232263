package org.ronghe.visits;

import java.util.List;

import org.ronghe.platform.CurrentUser;

/**
 * Household visits as the command dashboard counts them, within the reader's visit scope; each item links to the
 * list of the records it counts.
 */
public interface VisitBoard {

    /**
     * The coverage of every community the reader sees (over every campaign and the visits outside them), as the
     * coverage list by community computes it.
     */
    List<CommunityCoverage> coverageByCommunity(CurrentUser user);

    /** The visits recorded in each month of the year (twelve items, January first). */
    List<MonthCount> visitsPerMonth(CurrentUser user, int year);

    /**
     * @param coverage households visited ÷ households, {@code null} when the community has no households recorded
     * @param link     the community's households
     */
    record CommunityCoverage(long communityId, String communityCode, String communityName, long households, long visited,
                             Double coverage, String link) {
    }

    /** @param monthOfYear 1 to 12 */
    record MonthCount(int monthOfYear, long count, String link) {
    }
}
