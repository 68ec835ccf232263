package org.ronghe.visits;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the visits show for every organ and every party organisation over a span of dates, in a few grouped
 * queries whatever their number, for the assessment: the households assigned to them in the campaigns running in
 * the span and how many were visited by its end, the problems heard on the span's visits and what became of them,
 * and the paired communities' evaluations of each organ.
 */
public interface VisitRecords {

    /** Per organ code; organs without assignments, problems or evaluations are absent. */
    Map<String, Work> byOrgan(LocalDate from, LocalDate to);

    /**
     * Per party organisation code: the work of its members (a visit counts for the member's branch and the
     * organisations above it, as coverage rolls it up); organisations without any are absent.
     */
    Map<String, Work> byPartyOrg(LocalDate from, LocalDate to);

    /** Per organ code: the communities' ratings in the evaluation periods overlapping the span. */
    Map<String, Evaluated> evaluations(LocalDate from, LocalDate to);

    /**
     * @param assigned   households assigned in the campaigns running in the span
     * @param visited    of those, visited by the span's end
     * @param problems   problems heard on the span's visits
     * @param closed     of those, problems whose call closed (due for a follow-up, or followed up)
     * @param followedUp of those, problems followed up with the household
     * @param resolved   problems whose call closed and was not rated unsolved
     */
    record Work(long assigned, long visited, long problems, long closed, long followedUp, long resolved) {

        public static final Work NONE = new Work(0, 0, 0, 0, 0, 0);

        public Work plus(Work o) {
            return new Work(assigned + o.assigned, visited + o.visited, problems + o.problems, closed + o.closed,
                    followedUp + o.followedUp, resolved + o.resolved);
        }
    }

    /** @param satisfied ratings 满意 or 比较满意, the share the evaluation score counts */
    record Evaluated(long ratings, long satisfied) {
    }
}
