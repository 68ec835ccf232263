package org.ronghe.directory;

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
