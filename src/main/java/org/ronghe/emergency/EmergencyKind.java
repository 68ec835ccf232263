package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** What the emergency is. */
public enum EmergencyKind implements Labelled {
    EPIDEMIC("疫情"), FLOOD("洪涝"), TYPHOON("台风"), FIRE("火灾"), OTHER("其他");

    private final String label;

    EmergencyKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
