package org.ronghe.partylife;

import java.time.LocalDate;
import java.util.Map;

/**
 * What organisational life shows for every party organisation and every organ over a year up to a day, in a few
 * set-based reads whatever their number, for the assessment: compliance as the compliance page computes it, the
 * meetings held and those that studied the 第一议题, the decisions and those delivered, the members' measurable
 * commitments and those fulfilled, the members graded 不合格 in the year's decided reviews, and each organ's duty
 * items (一书两单) and those fulfilled.
 */
public interface PartyLifeRecords {

    /** Per party organisation code, its own records (not those of the organisations under it). */
    Map<String, OrgLife> organisations(int year, LocalDate asOf);

    /** Per organ code, the duty items of its responsibility letters of the year (withdrawn ones left out). */
    Map<String, Duties> duties(int year, LocalDate asOf);

    /**
     * @param due         meeting periods due up to the day (compliance's base)
     * @param quorate     of those, held with quorum (compliance's numerator)
     * @param missing     of those, ended without a meeting
     * @param meetings    meetings held in the year up to the day
     * @param firstItem   of those, meetings that studied the 第一议题
     * @param decisions   decisions of those meetings
     * @param delivered   of those, delivered
     * @param commitments the members' measurable commitments of the year
     * @param fulfilled   of those, fulfilled by the records
     * @param unqualified members graded 不合格 in the organisation's decided review of the year
     */
    record OrgLife(String code, String organCode, long due, long quorate, long missing, long meetings, long firstItem, long decisions,
                   long delivered, long commitments, long fulfilled, long unqualified) {

        public static OrgLife none(String code, String organCode) {
            return new OrgLife(code, organCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        public OrgLife plus(OrgLife o) {
            return new OrgLife(code, organCode, due + o.due, quorate + o.quorate, missing + o.missing, meetings + o.meetings,
                    firstItem + o.firstItem, decisions + o.decisions, delivered + o.delivered, commitments + o.commitments,
                    fulfilled + o.fulfilled, unqualified + o.unqualified);
        }
    }

    record Duties(long items, long fulfilled) {
    }
}
