package org.ronghe.partylife.review;

import java.math.BigDecimal;

/**
 * A graded member's record for the review year, shown beside the vote, every figure computed from records.
 *
 * @param meetingsHeld      meetings of their organisations held in the year with the member on the roll (from attendance)
 * @param meetingsAttended  of those, the ones they attended
 * @param visits            visits they recorded as visitor
 * @param householdsVisited distinct households among those visits
 * @param problemsHeard     problems heard on those visits (each raised as a call)
 * @param problemsResolved  of those, the ones whose call was seen through (closed, not rated unsolved)
 * @param serviceHours      hours of service confirmed by the community
 * @param commitments       their 三亮 commitments of the year with a measurable target
 * @param commitmentsFulfilled of those, the ones the records show fulfilled
 */
public record MemberRecord(long meetingsHeld, long meetingsAttended, long visits, long householdsVisited, long problemsHeard,
                           long problemsResolved, BigDecimal serviceHours, long commitments, long commitmentsFulfilled) {
}
