package org.ronghe.calls;

/** Where a call came from. */
public enum Origin {
    COMMUNITY("社区"),
    STREET("街道"),
    GRID("网格"),
    COMMAND_CENTRE("指挥中心"),
    VISIT("走访"),
    MEETING("会议决定"),
    OPEN311("Open311");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
