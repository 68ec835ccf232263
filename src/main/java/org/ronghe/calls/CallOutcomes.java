package org.ronghe.calls;

import java.time.LocalDate;
import java.util.List;

/**
 * What an organ's handling of calls came to in each community, for modules that set it beside other
 * records of the organ (the communities' evaluation of the organs paired with them, the assessment).
 * The rates are those of {@code docs/rates.md}, over the organ's own dispatches.
 */
public interface CallOutcomes {

    /**
     * The calls raised from {@code from} to {@code to} (inclusive dates in the platform's zone) that the
     * organ takes or took part in, per community of the call; communities without such calls are absent.
     */
    List<Outcome> byCommunity(long organId, LocalDate from, LocalDate to);

    /**
     * @param calls            calls the organ takes or took part in (lead, co-handler or summoned)
     * @param replied          of those, calls replied (replied or closed after a reply)
     * @param overdue          of those, calls now waiting past their accept limit or reply deadline
     * @param rated            the organ's dispatches rated by the caller
     * @param satisfactionRate (satisfied + w × basically satisfied) ÷ rated, {@code null} when nothing was rated
     * @param resolutionRate   rated "solved" ÷ rated, {@code null} when nothing was rated
     */
    record Outcome(long communityId, String communityCode, long calls, long replied, long overdue, long rated,
                   Double satisfactionRate, Double resolutionRate) {

        public static Outcome none(long communityId, String communityCode) {
            return new Outcome(communityId, communityCode, 0, 0, 0, 0, null, null);
        }
    }

    /**
     * Every organ's handling of the calls raised from {@code from} to {@code to}, for the assessment: the four rates
     * over the organ's own dispatches exactly as {@code docs/rates.md} and the metrics page count them, and the calls
     * it takes part in that are now waiting past a limit. Set-based: two grouped queries whatever the number of
     * organs; organs without dispatches are absent.
     */
    List<OrganOutcome> byOrgan(LocalDate from, LocalDate to);

    /**
     * @param dispatches       the organ's dispatches of calls raised in the period
     * @param responseBase     dispatches accepted or past their accept limit (the response rate's base)
     * @param replied          dispatches replied (the on-time rate's base)
     * @param rated            dispatches rated by the caller (the satisfaction and resolution rates' base)
     * @param overdue          calls the organ takes part in, raised in the period, now waiting past a limit
     * @param responseRate     {@code null} when the base is empty, likewise the other rates
     */
    record OrganOutcome(String organCode, long calls, long dispatches, long responseBase, long replied, long rated, long overdue,
                        Double responseRate, Double onTimeRate, Double resolutionRate, Double satisfactionRate) {
    }
}
