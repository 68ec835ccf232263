package org.ronghe.directory;

import org.ronghe.platform.Labelled;

/** Party-affairs cadres: the people who do party work as a job or beside it. */
public enum PartyAffairsRole implements Labelled {
    FULL_TIME("专职党务干部"),
    PART_TIME("兼职党务干部");

    private final String label;

    PartyAffairsRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
