package org.ronghe.partylife;

/** A member's attendance at a meeting; whoever is not marked is absent. */
public enum Attendance {
    PRESENT("出席"), EXCUSED("请假"), ABSENT("缺席");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
