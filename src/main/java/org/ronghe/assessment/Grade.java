package org.ronghe.assessment;

/** The grades of an assessment, best first (考核等次). */
public enum Grade {
    GOOD("好"), FAIRLY_GOOD("较好"), AVERAGE("一般"), POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
