package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** A member's answer to a call-up, given once. */
public enum Answer implements Labelled {
    REPORTING("报到"), CANNOT("不能参加");

    private final String label;

    Answer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
