package org.ronghe.directory;

import org.ronghe.platform.Labelled;

public enum Gender implements Labelled {
    M("男"),
    F("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
