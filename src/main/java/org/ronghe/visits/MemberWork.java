package org.ronghe.visits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What a member's own records show over a span of dates: the households they visited, the problems they heard
 * and how many of those ended solved, and their confirmed service hours. Party life sets it beside a member's
 * review vote and computes commitments from it, so nobody types these figures.
 */
public interface MemberWork {

    /** Each asked member's record for {@code from}..{@code to} (inclusive); a member without records gets zeros. */
    Map<Long, Record> of(Collection<Long> memberIds, LocalDate from, LocalDate to);

    /**
     * @param visits            visits recorded with the member as visitor
     * @param householdsVisited distinct households among those visits
     * @param problemsHeard     problems heard on those visits (each raised as a call)
     * @param problemsResolved  of those, problems whose call closed and was not rated unsolved (calls seen through)
     * @param serviceHours      hours of the member's service logs confirmed by the community
     */
    record Record(long memberId, long visits, long householdsVisited, long problemsHeard, long problemsResolved,
                  BigDecimal serviceHours) {

        public static Record none(long memberId) {
            return new Record(memberId, 0, 0, 0, 0, BigDecimal.ZERO);
        }
    }
}
