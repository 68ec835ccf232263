package org.ronghe.directory;

import org.ronghe.platform.Labelled;
import java.util.EnumSet;
import java.util.Set;

/** The kinds of party organisation in an organ's tree. */
public enum PartyOrgKind implements Labelled {
    COMMITTEE("党委", 5),
    GENERAL_BRANCH("党总支", 3),
    BRANCH("党支部", 3),
    GROUP("党小组", 0),
    TEMPORARY_BRANCH("临时党支部", 0);

    /** The grassroots organisations counted in the district's figures (the report's 569). */
    public static final Set<PartyOrgKind> GRASSROOTS = EnumSet.of(COMMITTEE, GENERAL_BRANCH, BRANCH);

    private final String label;
    private final int termYears;

    PartyOrgKind(String label, int termYears) {
        this.label = label;
        this.termYears = termYears;
    }

    @Override
    public String label() {
        return label;
    }

    /** The term of office set by the regulations; 0 where the kind does not hold elections. */
    public int defaultTermYears() {
        return termYears;
    }

    public boolean elects() {
        return termYears > 0;
    }
}
