package org.ronghe.directory;

import org.ronghe.platform.Labelled;

public enum MemberStatus implements Labelled {
    FULL("正式党员"),
    PROBATIONARY("预备党员");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
