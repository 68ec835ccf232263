package org.ronghe.calls;

/**
 * How fast a call must be answered. NORMAL and URGENT calls follow their category's limits; EMERGENCY calls (a
 * resident's need during an emergency: medicine, food, transport) have short limits that run on the clock, day and
 * night, weekends and holidays alike, and are escalated again soon after their deadline.
 */
public enum Urgency {
    NORMAL("一般"),
    URGENT("紧急"),
    EMERGENCY("应急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the limits must be in calendar time (minutes, hours): emergencies do not wait for office hours. */
    public boolean roundTheClock() {
        return this == EMERGENCY;
    }
}
