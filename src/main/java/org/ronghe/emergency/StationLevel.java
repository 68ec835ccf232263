package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** The three levels of stationing (三级驻点) and who may be stationed at each. */
public enum StationLevel implements Labelled {
    STREET("区领导驻点街道", 0), COMMUNITY("处级干部驻点社区", 1), COMPOUND("三人小组驻点小区", 3);

    private final String label;
    private final int members;

    StationLevel(String label, int members) {
        this.label = label;
        this.members = members;
    }

    @Override
    public String label() {
        return label;
    }

    /** How many members a stationing at this level names (a street is held by one district leader instead). */
    public int members() {
        return members;
    }
}
