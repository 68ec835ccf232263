package org.ronghe.partylife;

import java.util.List;

import org.ronghe.platform.CurrentUser;

/**
 * Organisational life as the diagnosis reads it (淡化 and 层层递减): each party organisation's compliance for a year,
 * counted by {@link ComplianceBook} exactly as the compliance page counts it, the full members' attendance per organ
 * and month, and the records that came to nothing yet. Everything is within the reader's party-life scope.
 */
public interface OrganisationalLife {

    /** The organisations in scope (of one organ, if named) with a period due or open in the year, by code. */
    List<OrgCompliance> compliance(CurrentUser user, String organ, int year);

    /** Full members expected and present at the meetings held in the year, per organ and month (months without one are absent). */
    List<MonthlyAttendance> attendance(CurrentUser user, String organ, int year);

    /**
     * The decisions of the meetings in scope not delivered (未落实 or still being handled), out of all of them, and the
     * year's measurable commitments not (yet) fulfilled: each counted with the query of the list it links to.
     */
    List<Unfinished> unfinished(CurrentUser user, int year);

    /**
     * @param tally the organisation's compliance over every rule that applies to it
     * @param study the same over its 党课 lines only (the study meetings, the secretary's yearly lecture included)
     */
    record OrgCompliance(String code, String name, String kind, String organCode, Compliance.Tally tally, Compliance.Tally study) {
    }

    record MonthlyAttendance(String organCode, int month, long expected, long present) {
    }

    /**
     * @param key      {@code decisionsUndelivered} or {@code commitmentsUnfulfilled}
     * @param count    the records without an outcome
     * @param of       all records of the kind (the same scope and year)
     * @param yearBound whether the count is of the year's records ({@code false}: of every record kept)
     */
    record Unfinished(String key, String label, long count, long of, String link, boolean yearBound) {
    }
}
