package org.ronghe.partylife.review;

import java.math.BigDecimal;

/**
 * A graded member's record for the review year, shown beside the vote. Commitments (三亮) are to join here when that
 * part of party life lands: a field computed from the member's commitments, never a typed value.
 *
 * @param meetingsHeld      meetings of their organisations held in the year with the member on the roll (from attendance)
 * @param meetingsAttended  of those, the ones they attended
 * @param visits            visits they recorded as visitor
 * @param householdsVisited distinct households among those visits
 * @param problemsHeard     problems heard on those visits (each raised as a call)
 * @param problemsResolved  of those, the ones whose call was seen through (closed, not rated unsolved)
 * @param serviceHours      hours of service confirmed by the community
 */
public record MemberRecord(long meetingsHeld, long meetingsAttended, long visits, long householdsVisited, long problemsHeard,
                           long problemsResolved, BigDecimal serviceHours) {
}
