package org.ronghe.directory;

import org.ronghe.platform.Labelled;

/** A member's post in their party organisation. */
public enum Position implements Labelled {
    FIRST_SECRETARY("第一书记"),
    SECRETARY("书记"),
    DEPUTY_SECRETARY("副书记"),
    COMMITTEE_MEMBER("委员");

    private final String label;

    Position(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
